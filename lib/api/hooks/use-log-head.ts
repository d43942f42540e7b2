import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { LogPage } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';

/** Lines of the first page: enough to fill a screen at once; the rest comes in bigger pages behind it. */
export const LOG_HEAD_LINES = 500;

/**
 * The first page of a node attempt's log (the latest attempt with a log when `attempt` is null), with
 * every attempt's counts. `revision` is the node's (see nodeRevision): when the node starts or ends an
 * attempt, the head is fetched again, and the previous one stays on screen meanwhile.
 */
export function useLogHead(runId: string, nodeId: string, attempt: number | null, revision: string) {
  return useQuery({
    queryKey: runKeys.logHead(runId, nodeId, attempt, revision),
    queryFn: ({ signal }) => fetchJson<LogPage>(routes.api.runNodeLogs(runId, nodeId, { attempt, limit: LOG_HEAD_LINES }), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

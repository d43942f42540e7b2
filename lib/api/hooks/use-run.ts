import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunDetail } from '@/lib/db/queries/runs';
import { isActive } from '@/lib/domain/run-phase';
import { routes } from '@/lib/routes';

export type { NodeDto } from '@/lib/db/queries/dto';
export type { ArtifactEdge, RunDetail } from '@/lib/db/queries/runs';

/** How often an active run is polled. */
export const RUN_POLL_MS = 2_000;

/** One run with its nodes and artifact edges; polled while the run is active, never once it has ended. */
export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<RunDetail>(routes.api.run(id), { signal }),
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.phase) ? false : RUN_POLL_MS),
  });
}

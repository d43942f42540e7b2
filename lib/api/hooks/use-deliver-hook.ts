import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, fetchJson } from '@/lib/api/fetch-json';
import { commitKeys, runKeys } from '@/lib/api/query-keys';
import type { HookResponse } from '@/lib/contract/runner';
import { routes } from '@/lib/routes';

/**
 * Delivers the hook a run waits on, with an optional JSON payload. A run Flowdeck moves resumes at once; a
 * run of an engine Flowdeck does not run gets the delivery through its connector (`actionId` is set).
 */
export function useDeliverHook(runId: string) {
  const qc = useQueryClient();
  return useMutation<HookResponse, ApiError, { token: string; payload?: unknown }>({
    mutationFn: ({ token, payload }) => fetchJson<HookResponse>(routes.api.hook(token), { method: 'POST', json: payload === undefined ? {} : { payload } }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: runKeys.detail(runId) }), qc.invalidateQueries({ queryKey: commitKeys.all })]),
  });
}

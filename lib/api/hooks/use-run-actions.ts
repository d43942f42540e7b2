import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, fetchJson } from '@/lib/api/fetch-json';
import { commitKeys, runKeys, versionKeys } from '@/lib/api/query-keys';
import type { RunDto } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';

export type RunControl = 'pause' | 'resume' | 'cancel';

const PATHS: Record<RunControl, (id: string) => string> = {
  pause: routes.api.runPause,
  resume: routes.api.runResume,
  cancel: routes.api.runCancel,
};

/**
 * Pause, resume or cancel a run, naming the row version shown (`expectedVersion`). On success the run,
 * the lists and counts, the versions' drain state and the commit log are refreshed; on a 409 the run is.
 */
export function useRunActions(runId: string, rowVersion: number) {
  const qc = useQueryClient();
  return useMutation<RunDto, ApiError, { action: RunControl; reason?: string }>({
    mutationFn: ({ action, reason }) =>
      fetchJson<RunDto>(PATHS[action](runId), { method: 'POST', json: { expectedVersion: rowVersion, reason: reason || undefined } }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: runKeys.all }),
        qc.invalidateQueries({ queryKey: versionKeys.all }),
        qc.invalidateQueries({ queryKey: commitKeys.all }),
      ]),
    onError: (error) => {
      if (error.status === 409) void qc.invalidateQueries({ queryKey: runKeys.detail(runId), exact: true });
    },
  });
}

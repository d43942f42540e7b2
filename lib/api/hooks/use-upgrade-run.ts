import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, fetchJson } from '@/lib/api/fetch-json';
import { commitKeys, runKeys, versionKeys } from '@/lib/api/query-keys';
import type { RunDto } from '@/lib/contract/runs';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import type { UpgradeReport } from '@/lib/domain/upgrade';
import { routes } from '@/lib/routes';

export type { UpgradeReport } from '@/lib/domain/upgrade';

export interface RunUpgradeInput {
  targetVersionId: string;
  strategy: UpgradeStrategy;
}

/** `POST /api/v1/runs/:id/upgrade`: the report, the (old) run after, and the new run unless a dry run. */
export interface RunUpgradeResult {
  dryRun: boolean;
  report: UpgradeReport;
  run: RunDto;
  newRun: RunDto | null;
}

/** The dry run of upgrading one run: the full compatibility report, nothing changed. Re-asked per target and strategy. */
export function useRunUpgradePreview(runId: string, input: RunUpgradeInput | null) {
  return useQuery({
    queryKey: runKeys.upgradePreview(runId, input ?? {}),
    queryFn: ({ signal }) => fetchJson<RunUpgradeResult>(routes.api.runUpgrade(runId), { method: 'POST', json: { ...input, dryRun: true }, signal }),
    enabled: input !== null,
    staleTime: 0,
    gcTime: 30_000,
  });
}

/** Upgrades one run for real (201 with the new run); an incompatible run is a 409 carrying the report. */
export function useUpgradeRun(runId: string, rowVersion: number) {
  const qc = useQueryClient();
  return useMutation<RunUpgradeResult, ApiError, RunUpgradeInput>({
    mutationFn: (input) =>
      fetchJson<RunUpgradeResult>(routes.api.runUpgrade(runId), { method: 'POST', json: { ...input, dryRun: false, expectedVersion: rowVersion } }),
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

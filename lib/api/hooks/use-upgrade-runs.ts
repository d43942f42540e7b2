import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, fetchJson } from '@/lib/api/fetch-json';
import { commitKeys, jobKeys } from '@/lib/api/query-keys';
import type { JobDetail } from '@/lib/contract/jobs';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import type { StrategyRadius } from '@/lib/domain/version-diff';
import { routes } from '@/lib/routes';

export interface BulkUpgradeInput {
  targetVersionId: string;
  strategy: UpgradeStrategy;
  filter?: { workflow?: string; group?: string };
}

/** The dry run of a bulk upgrade: how many selected runs can move, why the others cannot, what re-runs. */
export type BulkDryRun = { dryRun: true; total: number } & StrategyRadius;

const body = (input: BulkUpgradeInput, dryRun: boolean) => {
  const filter = Object.fromEntries(Object.entries(input.filter ?? {}).filter(([, v]) => v));
  return { targetVersionId: input.targetVersionId, strategy: input.strategy, dryRun, filter: Object.keys(filter).length ? filter : undefined };
};

/**
 * Upgrading the active runs of a version: `check` is the dry run (changes nothing), `start` persists
 * a job (202) whose progress `useJob` polls.
 */
export function useUpgradeRuns(versionId: string) {
  const qc = useQueryClient();
  const check = useMutation<BulkDryRun, ApiError, BulkUpgradeInput>({
    mutationFn: (input) => fetchJson<BulkDryRun>(routes.api.versionUpgradeRuns(versionId), { method: 'POST', json: body(input, true) }),
  });
  const start = useMutation<JobDetail, ApiError, BulkUpgradeInput>({
    mutationFn: (input) => fetchJson<JobDetail>(routes.api.versionUpgradeRuns(versionId), { method: 'POST', json: body(input, false) }),
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      void qc.invalidateQueries({ queryKey: commitKeys.all });
    },
  });
  return { check, start };
}

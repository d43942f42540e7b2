import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchJson } from '@/lib/api/fetch-json';
import { commitKeys, jobKeys, runKeys, versionKeys } from '@/lib/api/query-keys';
import type { JobDetail } from '@/lib/contract/jobs';
import { jobPollInterval } from '@/lib/domain/job-progress';
import { routes } from '@/lib/routes';

export type { JobDetail } from '@/lib/contract/jobs';

/**
 * A bulk job's progress and per-run outcomes, polled while it runs. When it finishes, everything it
 * touched is refreshed: both versions (counts, drain, state), the runs, the commit log.
 */
export function useJob(id: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: jobKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchJson<JobDetail>(routes.api.job(id as string), { signal }),
    enabled: id !== null,
    refetchInterval: (q) => jobPollInterval(q.state.data?.status),
  });
  const status = query.data?.status;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    const was = seen.current;
    seen.current = status;
    if (was === 'running' && status !== 'running') {
      void qc.invalidateQueries({ queryKey: versionKeys.all });
      void qc.invalidateQueries({ queryKey: runKeys.all });
      void qc.invalidateQueries({ queryKey: commitKeys.all });
    }
  }, [qc, status]);
  return query;
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { versionKeys } from '@/lib/api/query-keys';
import type { VersionDiff } from '@/lib/contract/versions';
import { routes } from '@/lib/routes';

export type { VersionDiff } from '@/lib/contract/versions';
export type { StrategyRadius, WorkflowDiff } from '@/lib/domain/version-diff';

/** What changed between a version and another (older → newer), with the blast radius of upgrading. */
export function useVersionDiff(id: string, against: string | null) {
  return useQuery({
    queryKey: versionKeys.diff(id, against ?? ''),
    queryFn: ({ signal }) => fetchJson<VersionDiff>(routes.api.versionDiff(id, against as string), { signal }),
    enabled: against !== null && against !== id,
  });
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { versionKeys } from '@/lib/api/query-keys';
import type { VersionDetail } from '@/lib/contract/versions';
import { routes } from '@/lib/routes';

export type { VersionDetail } from '@/lib/contract/versions';

/** How often a draining version is polled: it turns sunset by itself when its last active run ends. */
export const VERSION_POLL_MS = 3_000;

/** One version with its manifest and run counts; polled while it drains. */
export function useVersion(id: string) {
  return useQuery({
    queryKey: versionKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<VersionDetail>(routes.api.version(id), { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'draining' ? VERSION_POLL_MS : false),
  });
}

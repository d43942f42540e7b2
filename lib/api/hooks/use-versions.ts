import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { versionKeys } from '@/lib/api/query-keys';
import type { VersionListItem } from '@/lib/contract/versions';
import { routes } from '@/lib/routes';

export type { VersionDetail, VersionListItem } from '@/lib/contract/versions';

/** The version list as `GET /api/v1/versions` answers it; the server page seeds it in this shape. */
export interface VersionListData {
  items: VersionListItem[];
}

/** The one filter set of the version list (the registry is small: every version, newest first). */
export const ALL_VERSIONS = {} as const;

/** How often the registry is refreshed while a version drains (it may turn sunset by itself). */
const DRAINING_POLL_MS = 5_000;

/** Every version, newest first, with active and total run counts. */
export function useVersions() {
  return useQuery({
    queryKey: versionKeys.list(ALL_VERSIONS),
    queryFn: ({ signal }) => fetchJson<VersionListData>(routes.api.versions(), { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((v) => v.status === 'draining') ? DRAINING_POLL_MS : false),
  });
}

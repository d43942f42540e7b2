import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { versionKeys } from '@/lib/api/query-keys';
import type { DrainReport } from '@/lib/domain/drain';
import type { VersionStatus } from '@/lib/domain/version-status';
import { routes } from '@/lib/routes';

/** `GET /api/v1/versions/:id/drain`: the active runs that tie the version down, with its state. */
export interface VersionDrain extends DrainReport {
  status: VersionStatus;
  isCurrent: boolean;
}

const DRAIN_POLL_MS = 5_000;

/** The drain report of a version; polled while it has active runs and the panel is shown. */
export function useVersionDrain(id: string, enabled = true) {
  return useQuery({
    queryKey: versionKeys.drain(id),
    queryFn: ({ signal }) => fetchJson<VersionDrain>(routes.api.versionDrain(id), { signal }),
    enabled,
    refetchInterval: (q) => (q.state.data && q.state.data.total === 0 ? false : DRAIN_POLL_MS),
  });
}

import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, fetchJson, isApiError } from '@/lib/api/fetch-json';
import { commitKeys, runKeys, versionKeys } from '@/lib/api/query-keys';
import type { VersionDetail } from '@/lib/contract/versions';
import { isStaleWrite } from '@/lib/domain/write-errors';
import { routes } from '@/lib/routes';

export type SunsetMode = 'safe' | 'drain' | 'force';

export interface VersionEdit {
  label?: string | null;
  address?: string | null;
}

/** After any write to the registry: every version (set-current moves the flag between two), their commits, the run filters' version choices. */
export function invalidateRegistry(qc: QueryClient): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: versionKeys.all }),
    qc.invalidateQueries({ queryKey: commitKeys.all }),
    qc.invalidateQueries({ queryKey: runKeys.facets() }),
  ]);
}

/** A stale write (409 conflict on the row version): show the version again as it is now. */
function refetchIfStale(qc: QueryClient, id: string, error: unknown): void {
  if (isApiError(error) && isStaleWrite(error)) void qc.invalidateQueries({ queryKey: versionKeys.detail(id) });
}

/**
 * The operator writes on one version. Each names the row version it was shown (`expectedVersion`),
 * so a change by someone else in between is a 409 `conflict` instead of a silent overwrite.
 */
export function useVersionActions(version: Pick<VersionDetail, 'id' | 'rowVersion'>) {
  const qc = useQueryClient();
  const { id, rowVersion } = version;
  const common = {
    onSuccess: () => invalidateRegistry(qc),
    onError: (error: unknown) => refetchIfStale(qc, id, error),
  };
  const setCurrent = useMutation<VersionDetail, ApiError>({
    mutationFn: () => fetchJson<VersionDetail>(routes.api.versionSetCurrent(id), { method: 'POST', json: { expectedVersion: rowVersion } }),
    ...common,
  });
  const sunset = useMutation<VersionDetail, ApiError, { mode: SunsetMode; reason?: string }>({
    mutationFn: ({ mode, reason }) =>
      fetchJson<VersionDetail>(routes.api.versionSunset(id), { method: 'POST', json: { mode, reason: reason || undefined, expectedVersion: rowVersion } }),
    ...common,
  });
  const update = useMutation<VersionDetail, ApiError, VersionEdit>({
    mutationFn: (edit) => fetchJson<VersionDetail>(routes.api.version(id), { method: 'PATCH', json: { ...edit, expectedVersion: rowVersion } }),
    ...common,
  });
  const remove = useMutation<void, ApiError>({
    mutationFn: () => fetchJson<void>(routes.api.version(id), { method: 'DELETE', json: { expectedVersion: rowVersion } }),
    // Not the deleted version's own queries: its page is left right after, and a refetch would only 404.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: versionKeys.lists() }),
        qc.invalidateQueries({ queryKey: commitKeys.all }),
        qc.invalidateQueries({ queryKey: runKeys.facets() }),
      ]),
    onError: common.onError,
  });
  return { setCurrent, sunset, update, remove };
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { artifactKeys } from '@/lib/api/query-keys';
import type { ManifestEntry } from '@/lib/domain/artifact-manifest';
import { routes } from '@/lib/routes';

/** An artifact manifest as `GET /api/v1/manifests/:digest` answers it. */
export interface ManifestDto {
  digest: string;
  entries: ManifestEntry[];
  fileCount: number;
  totalSize: number;
  createdAt: string;
}

/** The files of a manifest. Content-addressed, so once loaded it never changes: cached for good. */
export function useManifest(digest: string | null) {
  return useQuery({
    queryKey: artifactKeys.manifest(digest ?? ''),
    queryFn: ({ signal }) => fetchJson<ManifestDto>(routes.api.manifest(digest as string), { signal }),
    enabled: digest !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { artifactKeys } from '@/lib/api/query-keys';
import type { ArtifactUsage } from '@/lib/db/queries/artifacts';
import { routes } from '@/lib/routes';

export type { ArtifactUsage, ArtifactUse } from '@/lib/db/queries/artifacts';

/** Which runs and nodes produced and consumed a blob or manifest digest, newest first. */
export function useArtifactUsage(digest: string) {
  return useQuery({
    queryKey: artifactKeys.usage(digest),
    queryFn: ({ signal }) => fetchJson<ArtifactUsage>(routes.api.artifactUsage(digest), { signal }),
  });
}

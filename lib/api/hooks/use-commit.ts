import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { commitKeys } from '@/lib/api/query-keys';
import type { CommitDetail } from '@/lib/contract/commits';
import { routes } from '@/lib/routes';

export type { CommitDetail } from '@/lib/contract/commits';

/** One commit with the before and after of each change. Commits never change: cached for good. */
export function useCommit(id: string) {
  return useQuery({
    queryKey: commitKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<CommitDetail>(routes.api.commit(id), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

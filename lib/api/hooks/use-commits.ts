import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { commitKeys } from '@/lib/api/query-keys';
import type { CommitListItem } from '@/lib/contract/commits';
import { COMMIT_PAGE_SIZE, type CommitFilters } from '@/lib/contract/schemas';
import { routes } from '@/lib/routes';

export type { CommitDetail, CommitListItem } from '@/lib/contract/commits';

/** One keyset page of the commit log; `nextCursor` is the last seq shown. */
export interface CommitPage {
  items: CommitListItem[];
  nextCursor: number | null;
}

/** The react-query data of a commit list; the server page seeds the first page in this shape. */
export interface CommitListData {
  pages: CommitPage[];
  pageParams: (number | null)[];
}

/** Commits per page of one entity's history (the History tabs). */
export const ENTITY_HISTORY_PAGE = 20;

/** The commit log under filters, newest first, a page at a time ("load more": cursor = seq). */
export function useCommits(filters: CommitFilters, pageSize = COMMIT_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: commitKeys.list({ ...filters, pageSize }),
    queryFn: ({ pageParam, signal }) => fetchJson<CommitPage>(routes.api.commits({ ...filters, cursor: pageParam, limit: pageSize }), { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

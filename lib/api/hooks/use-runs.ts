import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunListItem, RunPage } from '@/lib/contract/runs';
import type { RunFilters } from '@/lib/contract/schemas';
import { RUN_PAGE_SIZE } from '@/lib/domain/run-list-filters';
import { listRefreshInterval, mergeRunPages } from '@/lib/domain/run-list-live';
import { routes } from '@/lib/routes';

/** The react-query data of a run list; the server page seeds the first page in this shape. */
export interface RunListData {
  pages: RunPage[];
  pageParams: (string | null)[];
}

/** The rows on screen: the polled head over the loaded pages, while the head is the fresher of the two (a refetch of the whole list may be newer). */
function visibleRows(pages: RunPage[] | undefined, listUpdatedAt: number, head: RunPage | undefined, headUpdatedAt: number) {
  return pages ? mergeRunPages(head && headUpdatedAt >= listUpdatedAt ? head : undefined, pages) : undefined;
}

const fetchPage = (filters: RunFilters, cursor: string | null, signal: AbortSignal) =>
  fetchJson<RunPage>(routes.api.runs({ ...filters, cursor, limit: RUN_PAGE_SIZE }), { signal });

/**
 * The run list under a filter set, newest first: keyset pages loaded on demand (`fetchNextPage`), and
 * while any run on screen is active, a poll of the first page only, merged over the loaded pages so the
 * rows further down stay put. Nothing is polled when every row shown is terminal.
 */
export function useRuns(filters: RunFilters) {
  const list = useInfiniteQuery({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const pages = list.data?.pages;
  const listUpdatedAt = list.dataUpdatedAt;
  // Whether to poll is judged on the rows the last poll produced.
  const pollEvery = (q: { state: { data?: RunPage; dataUpdatedAt: number } }) =>
    listRefreshInterval(visibleRows(pages, listUpdatedAt, q.state.data, q.state.dataUpdatedAt));

  const head = useQuery({
    queryKey: runKeys.listHead(filters),
    queryFn: ({ signal }) => fetchPage(filters, null, signal),
    // Starts from the list's own first page: no request until the first tick.
    initialData: () => pages?.[0],
    initialDataUpdatedAt: () => listUpdatedAt,
    enabled: (q) => pollEvery(q) !== false,
    refetchInterval: pollEvery,
  });

  const headData = head.data;
  const headUpdatedAt = head.dataUpdatedAt;
  const items: RunListItem[] | undefined = useMemo(
    () => visibleRows(pages, listUpdatedAt, headData, headUpdatedAt),
    [pages, listUpdatedAt, headData, headUpdatedAt],
  );
  const interval = listRefreshInterval(items);

  return {
    items,
    isPending: list.isPending,
    /** The error of the first load, a page load or the last poll; earlier data stays on screen. */
    error: head.error ?? list.error,
    hasNextPage: list.hasNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: list.fetchNextPage,
    /** Polling the first page because a run on screen is active. */
    isLive: interval !== false,
    isRefreshing: list.isRefetching || head.isFetching,
    updatedAt: Math.max(list.dataUpdatedAt, head.dataUpdatedAt),
    refresh: () => (interval !== false ? head.refetch() : list.refetch()),
  };
}

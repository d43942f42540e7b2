import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { logSearchKeys } from '@/lib/api/query-keys';
import type { LogSearchResult } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';

export interface LogSearchFilters {
  q: string;
  workflow?: string;
  from?: string;
  to?: string;
}

/** The shortest search the server takes (LogSearchQuery). */
export const MIN_LOG_SEARCH_CHARS = 2;

/** Runs whose step logs contain the words, newest first, with the first matching line of each; idle until there is a search. */
export function useLogSearch(filters: LogSearchFilters) {
  return useQuery({
    queryKey: logSearchKeys.search(filters),
    queryFn: ({ signal }) => fetchJson<LogSearchResult>(routes.api.logSearch({ ...filters }), { signal }),
    enabled: filters.q.trim().length >= MIN_LOG_SEARCH_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunCounts } from '@/lib/contract/runs';
import type { RunFilters } from '@/lib/contract/schemas';
import { countFilters } from '@/lib/domain/run-list-filters';
import { LIVE_REFRESH_MS } from '@/lib/domain/run-list-live';
import { routes } from '@/lib/routes';

/**
 * Run counts by phase under every filter but the phase (toggling a phase chip reuses them). Refreshed
 * with the list while it is live; unfiltered counts come from maintained counters, filtered ones scan.
 */
export function useRunCounts(filters: RunFilters, live: boolean) {
  const f = countFilters(filters);
  return useQuery({
    queryKey: runKeys.count(f),
    queryFn: ({ signal }) => fetchJson<RunCounts>(routes.api.runCounts(f), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS * 2 : false,
  });
}

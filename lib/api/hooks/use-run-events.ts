import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { EventDto, EventPage } from '@/lib/db/queries/events';
import type { EventType } from '@/lib/domain/event-types';
import { routes } from '@/lib/routes';

export type { EventDto } from '@/lib/db/queries/events';

export interface RunEventFilters {
  type: EventType[];
  node: string | null;
}

export const EVENT_PAGE_SIZE = 100;
/** An active run's log is refreshed at this pace (every loaded page is refetched). */
const LIVE_EVENTS_MS = 5_000;

/** A run's event log in order, filtered on the server by type and node, one page of 100 at a time. */
export function useRunEvents(id: string, filters: RunEventFilters, live: boolean) {
  return useInfiniteQuery({
    queryKey: runKeys.eventList(id, filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<EventPage>(routes.api.runEvents(id, { type: filters.type, node: filters.node, cursor: pageParam, limit: EVENT_PAGE_SIZE }), { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: live ? LIVE_EVENTS_MS : false,
  });
}

const WAIT_TYPES: EventType[] = ['sleep_started', 'sleep_woken', 'hook_created', 'hook_received'];
const WAIT_PAGE_SIZE = 500;
/** Enough for any real run; a run with more wait events shows the first ones. */
const WAIT_MAX_PAGES = 20;

async function fetchWaitEvents(id: string, signal: AbortSignal): Promise<EventDto[]> {
  const all: EventDto[] = [];
  let cursor: number | null = null;
  for (let page = 0; page < WAIT_MAX_PAGES; page++) {
    const res: EventPage = await fetchJson<EventPage>(routes.api.runEvents(id, { type: WAIT_TYPES, cursor, limit: WAIT_PAGE_SIZE }), { signal });
    all.push(...res.items);
    if (res.nextCursor === null) break;
    cursor = res.nextCursor;
  }
  return all;
}

/** Every sleep and hook event of a run: the waiting stretches of the timeline. Polled while the run is active. */
export function useRunWaitEvents(id: string, live: boolean) {
  return useQuery({
    queryKey: runKeys.waitEvents(id),
    queryFn: ({ signal }) => fetchWaitEvents(id, signal),
    refetchInterval: live ? LIVE_EVENTS_MS : false,
  });
}

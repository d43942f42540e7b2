import { isActive, type RunPhase } from './run-phase';

/** How often the list's first page refreshes while a visible run is active. */
export const LIVE_REFRESH_MS = 2_500;

/** The refetch interval of the run list (STYLE §2: derived from the data): live while any run shown is active. */
export function listRefreshInterval(items: readonly { phase: RunPhase }[] | undefined): number | false {
  return items?.some((r) => isActive(r.phase)) ? LIVE_REFRESH_MS : false;
}

export interface ListPage<T extends { id: string }> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The rows on screen: a fresher first page (`head`, polled) over the pages loaded by scrolling.
 * Rows the head covers come from the head — updated in place, new ones on top, ones that no longer
 * match the filters gone; older loaded rows stay where they are. Ids are newest first, without repeats.
 */
export function mergeRunPages<T extends { id: string }>(head: ListPage<T> | undefined, pages: readonly ListPage<T>[]): T[] {
  const loaded = pages.flatMap((p) => p.items);
  if (!head) return dedupe(loaded);
  // With no next cursor the head holds every matching run; otherwise it covers ids down to its last one.
  const floor = head.nextCursor === null ? null : (head.items.at(-1)?.id ?? null);
  if (head.nextCursor !== null && floor === null) return dedupe(loaded);
  const older = floor === null ? [] : loaded.filter((r) => r.id < floor);
  return dedupe([...head.items, ...older]);
}

function dedupe<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

/** Next highlighted row index after a j/k (±1) move; -1 means no highlight, and a list of 0 rows has none. */
export function moveHighlight(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + delta));
}

import { describe, expect, it } from 'vitest';
import { LIVE_REFRESH_MS, listRefreshInterval, mergeRunPages, moveHighlight } from './run-list-live';
import type { RunPhase } from './run-phase';

const row = (id: string, phase: RunPhase = 'finished') => ({ id, phase });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('run list live refresh', () => {
  it('refreshes while any visible run is active, never when all are terminal', () => {
    expect(listRefreshInterval([row('a'), row('b', 'running')])).toBe(LIVE_REFRESH_MS);
    expect(listRefreshInterval([row('a', 'paused')])).toBe(LIVE_REFRESH_MS);
    expect(listRefreshInterval([row('a'), row('b', 'cancelled'), row('c', 'setuperror')])).toBe(false);
    expect(listRefreshInterval([])).toBe(false);
    expect(listRefreshInterval(undefined)).toBe(false);
  });

  it('without a head, the loaded pages in order', () => {
    const pages = [
      { items: [row('9'), row('8')], nextCursor: '8' },
      { items: [row('7')], nextCursor: null },
    ];
    expect(ids(mergeRunPages(undefined, pages))).toEqual(['9', '8', '7']);
  });

  it('a head updates rows in place, adds new ones on top and keeps older loaded rows', () => {
    const pages = [
      { items: [row('9', 'queued'), row('8'), row('7')], nextCursor: '7' },
      { items: [row('6'), row('5')], nextCursor: '5' },
    ];
    const head = { items: [row('A', 'queued'), row('9', 'running'), row('8')], nextCursor: '8' };
    const merged = mergeRunPages(head, pages);
    expect(ids(merged)).toEqual(['A', '9', '8', '7', '6', '5']);
    expect(merged[1]?.phase).toBe('running');
  });

  it('rows the head covers but no longer lists have left the filter', () => {
    const pages = [{ items: [row('9', 'running'), row('8', 'running'), row('7', 'running')], nextCursor: '7' }];
    const head = { items: [row('9', 'running'), row('7', 'running')], nextCursor: '7' };
    expect(ids(mergeRunPages(head, pages))).toEqual(['9', '7']);
    // A complete head (no next cursor) is every matching run.
    expect(ids(mergeRunPages({ items: [row('9')], nextCursor: null }, pages))).toEqual(['9']);
  });

  it('moves the highlight within bounds', () => {
    expect(moveHighlight(-1, 1, 5)).toBe(0);
    expect(moveHighlight(-1, -1, 5)).toBe(4);
    expect(moveHighlight(0, -1, 5)).toBe(0);
    expect(moveHighlight(3, 1, 5)).toBe(4);
    expect(moveHighlight(4, 1, 5)).toBe(4);
    expect(moveHighlight(2, 1, 0)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { type TimelineNodeSource, tickOffsets, tickStep, timelineRange, timelineRows, waitSegments, zoomBy } from './timeline';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const node = (nodeId: string, o: Partial<TimelineNodeSource> = {}): TimelineNodeSource => ({
  nodeId,
  action: 'run',
  status: 'success',
  attempt: 1,
  startedAt: null,
  finishedAt: null,
  ...o,
});

describe('waitSegments', () => {
  it('pairs sleeps and hooks per node, leaving unanswered ones open until now', () => {
    const segments = waitSegments(
      [
        { type: 'sleep_started', nodeId: 'nap', at: at(10), data: { until: at(70) } },
        { type: 'hook_created', nodeId: 'approve', at: at(20), data: { token: 'hk_12345678' } },
        { type: 'sleep_woken', nodeId: 'nap', at: at(71), data: {} },
        { type: 'node_started', nodeId: 'other', at: at(5), data: {} },
      ],
      T0 + 100_000,
    );
    expect(segments.get('nap')).toEqual([{ kind: 'sleep', start: T0 + 10_000, end: T0 + 71_000, open: false, until: T0 + 70_000 }]);
    expect(segments.get('approve')).toEqual([{ kind: 'hook', start: T0 + 20_000, end: T0 + 100_000, open: true }]);
    expect(segments.has('other')).toBe(false);
  });
});

describe('timelineRows', () => {
  it('orders started nodes by start, open bars end now, never-started nodes last', () => {
    const now = T0 + 60_000;
    const rows = timelineRows(
      [node('pending', { status: 'pending' }), node('b', { startedAt: at(20), status: 'running' }), node('a', { startedAt: at(5), finishedAt: at(15) })],
      [],
      now,
    );
    expect(rows.map((r) => [r.id, r.start, r.end, r.open])).toEqual([
      ['a', T0 + 5_000, T0 + 15_000, false],
      ['b', T0 + 20_000, now, true],
      ['pending', null, null, false],
    ]);
  });

  it('closes a wait left open on a node that has ended', () => {
    const rows = timelineRows(
      [node('approve', { action: 'hook', status: 'cancelled', startedAt: at(0), finishedAt: at(30) })],
      [{ type: 'hook_created', nodeId: 'approve', at: at(1), data: {} }],
      T0 + 500_000,
    );
    expect(rows[0]?.waits).toEqual([{ kind: 'hook', start: T0 + 1_000, end: T0 + 30_000, open: false }]);
  });
});

describe('timelineRange', () => {
  it('spans the run and every bar, at least a second', () => {
    const rows = timelineRows([node('a', { startedAt: at(-5), finishedAt: at(50) })], [], T0);
    expect(timelineRange(rows, { createdAt: at(-10), startedAt: at(0), finishedAt: at(40) }, T0 + 999_000)).toEqual({ start: T0 - 5_000, end: T0 + 50_000 });
    expect(timelineRange([], { createdAt: at(0), startedAt: null, finishedAt: at(0) }, T0)).toEqual({ start: T0, end: T0 + 1_000 });
  });
});

describe('ticks and zoom', () => {
  it('picks nice steps at least the minimum gap apart', () => {
    expect(tickStep(0.1, 80)).toBe(1_000);
    expect(tickStep(0.001, 80)).toBe(120_000);
    expect(tickStep(1e-12, 80)).toBe(604_800_000);
  });
  it('lists tick offsets in the span', () => {
    expect(tickOffsets(2_500, 1_000)).toEqual([0, 1_000, 2_000]);
  });
  it('zooms in steps of 1.25 within bounds', () => {
    expect(zoomBy(1, 1, 0.1, 10)).toBe(1.25);
    expect(zoomBy(1, -100, 0.1, 10)).toBe(0.1);
    expect(zoomBy(9, 2, 0.1, 10)).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { drainReport, drainState } from './drain';

describe('drainState', () => {
  it.each([
    ['running', null, 'running'],
    ['queued', null, 'queued'],
    ['paused', null, 'paused'],
    ['running', { kind: 'sleep', nodeId: 'a', until: 'x' }, 'sleeping'],
    ['paused', { kind: 'hook', nodeId: 'a', token: 't', since: 'x' }, 'hook'],
    ['finished', null, null],
    ['setuperror', null, null],
  ] as const)('%s with %j → %s', (phase, waiting, state) => expect(drainState(phase, waiting)).toBe(state));
});

describe('drainReport', () => {
  it('counts, samples and the wake and hook times', () => {
    const report = drainReport(
      'vers_x',
      [
        { id: 'r5', phase: 'running', waiting: { kind: 'sleep', nodeId: 'a', until: '2026-12-05T00:00:00Z' } },
        { id: 'r4', phase: 'running', waiting: { kind: 'sleep', nodeId: 'a', until: '2026-12-01T00:00:00Z' } },
        { id: 'r3', phase: 'running', waiting: { kind: 'hook', nodeId: 'b', token: 't', since: '2026-11-01T00:00:00Z' } },
        { id: 'r2', phase: 'queued', waiting: null },
        { id: 'r1', phase: 'running', waiting: null },
      ],
      1,
    );
    expect(report).toMatchObject({
      total: 5,
      counts: { running: 1, queued: 1, paused: 0, sleeping: 2, hook: 1 },
      samples: { sleeping: ['r5'], hook: ['r3'] },
      earliestWake: '2026-12-01T00:00:00Z',
      latestWake: '2026-12-05T00:00:00Z',
      oldestHookSince: '2026-11-01T00:00:00Z',
    });
  });
});

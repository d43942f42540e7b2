import { describe, expect, it } from 'vitest';
import { PHASE_CHIP_ORDER, phaseTone, runDurationMs, runDurationText, runStatus, waitingText } from './run-list-status';
import { RUN_PHASES } from './run-phase';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('run list status', () => {
  it('a run reads its phase, then its result when that says more, in the tone of the result once there is one', () => {
    expect(runStatus('running', 'unknown')).toEqual({ label: 'Running', phaseLabel: 'Running', resultLabel: null, tone: 'info', pulse: true });
    expect(runStatus('finished', 'success')).toMatchObject({ label: 'Finished · Success', tone: 'success', pulse: false });
    expect(runStatus('finished', 'failed')).toMatchObject({ label: 'Finished · Failed', tone: 'danger' });
    expect(runStatus('cancelled', 'stopped')).toMatchObject({ label: 'Cancelled', resultLabel: null, tone: 'muted' });
    expect(runStatus('finished', 'stopped')).toMatchObject({ label: 'Finished · Stopped', tone: 'muted' });
    expect(runStatus('setuperror', 'unknown')).toMatchObject({ label: 'Setup error', tone: 'danger' });
    expect(runStatus('paused', 'unknown')).toMatchObject({ label: 'Paused', tone: 'warning' });
    expect(runStatus('queued', 'unknown').tone).toBe('neutral');
  });

  it('every phase has exactly one chip, finished ones in the tone of success', () => {
    expect([...PHASE_CHIP_ORDER].sort()).toEqual([...RUN_PHASES].sort());
    expect(RUN_PHASES.map(phaseTone)).toEqual(['danger', 'neutral', 'info', 'warning', 'muted', 'success']);
  });

  it('duration runs from start to finish, or to now while active', () => {
    const started = iso(-65_000);
    expect(runDurationMs({ phase: 'running', startedAt: started, finishedAt: null }, NOW)).toBe(65_000);
    expect(runDurationText({ phase: 'finished', startedAt: started, finishedAt: iso(-5_000) }, NOW)).toBe('1m 00s');
    expect(runDurationMs({ phase: 'queued', startedAt: null, finishedAt: null }, NOW)).toBeNull();
    expect(runDurationMs({ phase: 'cancelled', startedAt: started, finishedAt: null }, NOW)).toBeNull();
    expect(runDurationText({ phase: 'setuperror', startedAt: null, finishedAt: null }, NOW)).toBeNull();
  });

  it('waiting text: sleeping until a time, overdue, awaiting a hook since an age', () => {
    expect(waitingText({ kind: 'sleep', nodeId: 'cool-down', until: '2026-11-21T14:05:00Z' }, NOW, 'UTC')).toEqual({
      kind: 'sleep',
      nodeId: 'cool-down',
      overdue: false,
      text: 'Sleeping until 14:05',
    });
    expect(waitingText({ kind: 'sleep', nodeId: 'w', until: '2026-11-24T09:00:00Z' }, NOW, 'UTC').text).toBe('Sleeping until Tue 09:00');
    expect(waitingText({ kind: 'sleep', nodeId: 'w', until: '2026-11-30T09:00:00Z' }, NOW, 'UTC').text).toBe('Sleeping until Nov 30');
    expect(waitingText({ kind: 'sleep', nodeId: 'w', until: iso(-60_000) }, NOW, 'UTC')).toMatchObject({ overdue: true, text: 'Wake overdue since 09:59' });
    expect(waitingText({ kind: 'hook', nodeId: 'approve', token: 'tok-123456', since: iso(-3 * 3_600_000 - 60_000) }, NOW).text).toBe(
      'Awaiting hook since 3h ago',
    );
    expect(waitingText({ kind: 'hook', nodeId: 'approve', token: 'tok-123456', since: iso(-2_000) }, NOW).text).toBe('Awaiting hook since just now');
  });
});

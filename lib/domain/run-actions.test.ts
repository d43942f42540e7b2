import { describe, expect, it } from 'vitest';
import { runActions } from './run-actions';

describe('runActions', () => {
  it.each([
    ['queued', { pause: true, resume: false, cancel: true, upgrade: true, hook: false }],
    ['running', { pause: true, resume: false, cancel: true, upgrade: true, hook: false }],
    ['paused', { pause: false, resume: true, cancel: true, upgrade: true, hook: false }],
    ['finished', { pause: false, resume: false, cancel: false, upgrade: false, hook: false }],
    ['cancelled', { pause: false, resume: false, cancel: false, upgrade: false, hook: false }],
    ['setuperror', { pause: false, resume: false, cancel: false, upgrade: false, hook: false }],
  ] as const)('%s', (phase, expected) => expect(runActions({ phase })).toEqual(expected));

  it('an already upgraded run is not upgraded again', () => {
    expect(runActions({ phase: 'paused', upgradedTo: 'run_x' }).upgrade).toBe(false);
  });

  it('a run waiting on a hook can be given it, unless it is paused', () => {
    expect(runActions({ phase: 'running', waitingOn: 'hook' }).hook).toBe(true);
    expect(runActions({ phase: 'paused', waitingOn: 'hook' }).hook).toBe(false);
    expect(runActions({ phase: 'running', waitingOn: 'sleep' }).hook).toBe(false);
  });

  it('a Workflow SDK run has no pause or resume, but can be cancelled and upgraded', () => {
    expect(runActions({ phase: 'running', source: 'workflow-local' })).toMatchObject({ pause: false, cancel: true, upgrade: true });
    expect(runActions({ phase: 'paused', source: 'workflow-postgres' }).resume).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { runActions } from './run-actions';

describe('runActions', () => {
  it.each([
    ['queued', { pause: true, resume: false, cancel: true, upgrade: true }],
    ['running', { pause: true, resume: false, cancel: true, upgrade: true }],
    ['paused', { pause: false, resume: true, cancel: true, upgrade: true }],
    ['finished', { pause: false, resume: false, cancel: false, upgrade: false }],
    ['cancelled', { pause: false, resume: false, cancel: false, upgrade: false }],
    ['setuperror', { pause: false, resume: false, cancel: false, upgrade: false }],
  ] as const)('%s', (phase, expected) => expect(runActions({ phase })).toEqual(expected));

  it('an already upgraded run is not upgraded again', () => {
    expect(runActions({ phase: 'paused', upgradedTo: 'run_x' }).upgrade).toBe(false);
  });
});

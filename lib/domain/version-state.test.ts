import { describe, expect, it } from 'vitest';
import { VERSION_STATE_LABELS, VERSION_STATES, versionState } from './version-state';
import { VERSION_STATUS_LABELS, VERSION_STATUSES } from './version-status';

describe('versionState', () => {
  it.each([
    ['pending', false, 'pending'],
    ['live', false, 'live'],
    ['live', true, 'current'],
    ['draining', false, 'draining'],
    ['draining', true, 'draining'],
    ['sunset', false, 'sunset'],
  ] as const)('%s (current: %s) → %s', (status, isCurrent, state) => expect(versionState(status, isCurrent)).toBe(state));

  it('labels every state, the statuses with VERSION_STATUS_LABELS', () => {
    for (const s of VERSION_STATES) expect(VERSION_STATE_LABELS[s]).toBeTruthy();
    for (const s of VERSION_STATUSES) expect(VERSION_STATE_LABELS[s]).toBe(VERSION_STATUS_LABELS[s]);
    expect(VERSION_STATE_LABELS.current).toBe('Current');
  });
});

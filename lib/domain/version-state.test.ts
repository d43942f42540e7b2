import { describe, expect, it } from 'vitest';
import { VERSION_STATE_LABELS, versionState } from './version-state';

describe('versionState', () => {
  it.each([
    ['pending', false, 'pending'],
    ['live', false, 'live'],
    ['live', true, 'current'],
    ['draining', false, 'draining'],
    ['draining', true, 'draining'],
    ['sunset', false, 'sunset'],
  ] as const)('%s (current: %s) → %s', (status, isCurrent, state) => expect(versionState(status, isCurrent)).toBe(state));

  it('a version reads Current only while it is live and current; a draining one says it drains', () => {
    const shown = (status: Parameters<typeof versionState>[0], isCurrent: boolean) => VERSION_STATE_LABELS[versionState(status, isCurrent)];
    expect(shown('live', true)).toBe('Current');
    expect(shown('live', false)).toBe('Live');
    expect(shown('draining', true)).toBe('Draining');
    expect(shown('pending', false)).toBe('Pending');
  });
});

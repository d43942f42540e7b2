import { VERSION_STATUS_LABELS, type VersionStatus } from './version-status';

/**
 * What the UI shows of a version: its lifecycle status, with `current` standing in for `live` on the
 * one version new runs go to (a flag, not a state of its own). Labels derive from VERSION_STATUS_LABELS.
 */
export const VERSION_STATES = ['pending', 'live', 'current', 'draining', 'sunset'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const VERSION_STATE_LABELS: Record<VersionState, string> = { ...VERSION_STATUS_LABELS, current: 'Current' };

/** One line on what each state means for runs. */
export const VERSION_STATE_HINTS: Record<VersionState, string> = {
  pending: 'Registered without an address: it accepts runs once it is served.',
  live: 'Served and accepting runs; not where new runs go by default.',
  current: 'Where new runs start.',
  draining: 'No new runs; becomes sunset when its last active run ends.',
  sunset: 'Retired: no new runs, no active runs.',
};

export function versionState(status: VersionStatus, isCurrent: boolean): VersionState {
  return isCurrent && status === 'live' ? 'current' : status;
}

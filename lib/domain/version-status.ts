/** The one list of version lifecycle states. `current` is a flag on a live version, not a state. */
export const VERSION_STATUSES = ['pending', 'live', 'draining', 'sunset'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** A version accepts new runs only while it is pending or live. */
export function acceptsRuns(status: VersionStatus): boolean {
  return status === 'pending' || status === 'live';
}

/** How a version is sunset: safe (refused while runs are active), drain (sunset when the last one ends), force. */
export const SUNSET_MODES = ['safe', 'drain', 'force'] as const;
export type SunsetMode = (typeof SUNSET_MODES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  pending: 'Pending',
  live: 'Live',
  draining: 'Draining',
  sunset: 'Sunset',
};

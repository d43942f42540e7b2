/** The one list of version lifecycle states. `current` is a flag on a live version, not a state. */
export const VERSION_STATUSES = ['pending', 'live', 'draining', 'sunset'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** A version accepts new runs only while it is pending or live. */
export function acceptsRuns(status: VersionStatus): boolean {
  return status === 'pending' || status === 'live';
}

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  pending: 'Pending',
  live: 'Live',
  draining: 'Draining',
  sunset: 'Sunset',
};

import type { VersionStatus } from './version-status';

/** The operator actions on a version, in the order the page offers them. */
export const VERSION_ACTIONS = ['set-current', 'upgrade-runs', 'drain', 'sunset', 'force-sunset', 'edit', 'delete'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

export const VERSION_ACTION_LABELS: Record<VersionAction, string> = {
  'set-current': 'Set current',
  'upgrade-runs': 'Upgrade active runs',
  drain: 'Drain',
  sunset: 'Sunset',
  'force-sunset': 'Force sunset',
  edit: 'Edit',
  delete: 'Delete',
};

export interface ActionAvailability {
  allowed: boolean;
  /** Why not, when it is not allowed (shown as the disabled button's tooltip). */
  reason: string | null;
}

export interface VersionFacts {
  status: VersionStatus;
  isCurrent: boolean;
  activeRuns: number;
  totalRuns: number;
}

const yes: ActionAvailability = { allowed: true, reason: null };
const no = (reason: string): ActionAvailability => ({ allowed: false, reason });

/**
 * Which actions the registry accepts for a version in its state (mirrors lib/control: a current
 * version is never drained, sunset or deleted; only live or draining versions become current; only a
 * version without runs, or a sunset one, is deleted).
 */
export function versionActions(v: VersionFacts): Record<VersionAction, ActionAvailability> {
  const retire = v.isCurrent
    ? no('The current version cannot be retired: make another version current first.')
    : v.status === 'sunset'
      ? no('Already sunset.')
      : yes;
  return {
    'set-current': v.isCurrent
      ? no('Already the current version.')
      : v.status === 'live' || v.status === 'draining'
        ? yes
        : v.status === 'pending'
          ? no('Set an address first: a pending version is not served.')
          : no('A sunset version cannot become current.'),
    'upgrade-runs': v.activeRuns > 0 ? yes : no('No active runs to upgrade.'),
    drain: retire.allowed && v.status === 'draining' ? no('Already draining.') : retire,
    sunset: retire,
    'force-sunset': retire.allowed && v.activeRuns === 0 ? no('No active runs: a safe sunset is enough.') : retire,
    edit: yes,
    delete: v.isCurrent
      ? no('The current version cannot be deleted.')
      : v.totalRuns === 0 || v.status === 'sunset'
        ? yes
        : no('Only a version without runs, or a sunset one, can be deleted.'),
  };
}

import type { UpgradeStrategy } from './job-status';

export const UPGRADE_STRATEGY_LABELS: Record<UpgradeStrategy, string> = {
  restart: 'Restart',
  resume: 'Resume',
  'partial-resume': 'Partial resume',
};

/** One line each on what the strategy does to a run (DESIGN "Upgrade"). */
export const UPGRADE_STRATEGY_HINTS: Record<UpgradeStrategy, string> = {
  restart: 'Cancel and start over on the target with the same input; every step runs again.',
  resume: 'Continue on the target reusing every completed step; refused if any of them changed.',
  'partial-resume': 'Reuse completed steps whose definition and upstream are unchanged; re-run the rest.',
};

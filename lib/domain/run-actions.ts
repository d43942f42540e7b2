import { isActive, type RunPhase } from './run-phase';

/** The operator actions on one run, as the run state machine allows them. */
export const RUN_ACTIONS = ['pause', 'resume', 'cancel', 'upgrade'] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

export const RUN_ACTION_LABELS: Record<RunAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', upgrade: 'Upgrade' };

/**
 * Pause a queued or running run, resume a paused one, cancel any active one, upgrade an active run
 * that has not been upgraded already (mirrors lib/domain/run-machine and lib/control/upgrade).
 */
export function runActions(run: { phase: RunPhase; upgradedTo?: string | null }): Record<RunAction, boolean> {
  const active = isActive(run.phase);
  return {
    pause: run.phase === 'queued' || run.phase === 'running',
    resume: run.phase === 'paused',
    cancel: active,
    upgrade: active && !run.upgradedTo,
  };
}

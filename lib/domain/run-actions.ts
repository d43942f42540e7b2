import { isActive, type RunPhase } from './run-phase';
import { isEngineSource, type RunSource } from './run-source';

/** The operator actions on one run, as the run state machine allows them. */
export const RUN_ACTIONS = ['pause', 'resume', 'cancel', 'upgrade', 'hook'] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

export const RUN_ACTION_LABELS: Record<RunAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', upgrade: 'Upgrade', hook: 'Deliver hook' };

/**
 * Pause a queued or running run, resume a paused one, cancel any active one, upgrade an active run
 * that has not been upgraded already, deliver the hook a run waits on (mirrors lib/domain/run-machine and
 * lib/control). A run of an engine Flowdeck does not run has no pause or resume: its engine has none.
 */
export function runActions(run: {
  phase: RunPhase;
  upgradedTo?: string | null;
  source?: RunSource;
  waitingOn?: 'sleep' | 'hook' | null;
}): Record<RunAction, boolean> {
  const active = isActive(run.phase);
  const engine = run.source !== undefined && isEngineSource(run.source);
  return {
    pause: !engine && (run.phase === 'queued' || run.phase === 'running'),
    resume: !engine && run.phase === 'paused',
    cancel: active,
    upgrade: active && !run.upgradedTo,
    hook: active && run.phase !== 'paused' && run.waitingOn === 'hook' && !run.upgradedTo,
  };
}

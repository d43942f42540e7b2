/** The one list of run phases and results; the database enums, zod enums and UI labels derive from these. */
export const RUN_PHASES = ['setuperror', 'queued', 'running', 'paused', 'cancelled', 'finished'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export const RUN_RESULTS = ['unknown', 'success', 'failed', 'stopped'] as const;
export type RunResult = (typeof RUN_RESULTS)[number];

export const ACTIVE_PHASES = ['queued', 'running', 'paused'] as const satisfies readonly RunPhase[];
export type ActivePhase = (typeof ACTIVE_PHASES)[number];

export function isActive(phase: RunPhase): phase is ActivePhase {
  return (ACTIVE_PHASES as readonly RunPhase[]).includes(phase);
}

/** The results a `run_finished` event carries; `unknown` (not finished) and `stopped` (cancelled) are the store's own. */
export const FINISH_RESULTS = ['success', 'failed'] as const satisfies readonly RunResult[];
export type FinishResult = (typeof FINISH_RESULTS)[number];

export function isTerminal(phase: RunPhase): boolean {
  return !isActive(phase);
}

export const RUN_PHASE_LABELS: Record<RunPhase, string> = {
  setuperror: 'Setup error',
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  finished: 'Finished',
};

export const RUN_RESULT_LABELS: Record<RunResult, string> = {
  unknown: 'Unknown',
  success: 'Success',
  failed: 'Failed',
  stopped: 'Stopped',
};

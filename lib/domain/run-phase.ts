/** The one list of run phases and results; the database enums, zod enums and UI labels derive from these. */
export const RUN_PHASES = ['setuperror', 'queued', 'running', 'paused', 'cancelled', 'finished'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export const RUN_RESULTS = ['unknown', 'success', 'failed', 'stopped'] as const;
export type RunResult = (typeof RUN_RESULTS)[number];

export const ACTIVE_PHASES = ['queued', 'running', 'paused'] as const satisfies readonly RunPhase[];

export function isActive(phase: RunPhase): boolean {
  return (ACTIVE_PHASES as readonly RunPhase[]).includes(phase);
}

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

import type { Waiting } from './run-machine';
import { isActive, RUN_PHASE_LABELS, RUN_RESULT_LABELS, type RunPhase, type RunResult } from './run-phase';
import { formatAge, formatDuration, formatWakeTime } from './time-format';

/** Colour families of a status; the UI maps each to its badge style. */
export type StatusTone = 'neutral' | 'muted' | 'info' | 'warning' | 'success' | 'danger';

export interface RunStatus {
  /** `Running`, `Finished · Failed`: the phase label, then the result label when it says more. */
  label: string;
  phaseLabel: string;
  resultLabel: string | null;
  tone: StatusTone;
  /** The run is doing work right now. */
  pulse: boolean;
}

const PHASE_TONES: Record<RunPhase, StatusTone> = {
  setuperror: 'danger',
  queued: 'neutral',
  running: 'info',
  paused: 'warning',
  cancelled: 'muted',
  finished: 'neutral',
};

const RESULT_TONES: Record<RunResult, StatusTone> = {
  unknown: 'neutral',
  success: 'success',
  failed: 'danger',
  stopped: 'muted',
};

/** Whether the result adds to the phase: `unknown` never does, nor `stopped` on a cancelled run. */
function resultTells(phase: RunPhase, result: RunResult): boolean {
  if (result === 'unknown') return false;
  return !(phase === 'cancelled' && result === 'stopped');
}

/** The badge of a run: labels from RUN_PHASE_LABELS / RUN_RESULT_LABELS, tone from the result once there is one. */
export function runStatus(phase: RunPhase, result: RunResult): RunStatus {
  const phaseLabel = RUN_PHASE_LABELS[phase];
  const resultLabel = resultTells(phase, result) ? RUN_RESULT_LABELS[result] : null;
  return {
    label: resultLabel ? `${phaseLabel} · ${resultLabel}` : phaseLabel,
    phaseLabel,
    resultLabel,
    tone: resultLabel ? RESULT_TONES[result] : PHASE_TONES[phase],
    pulse: phase === 'running',
  };
}

/** The tone of a phase alone (the phase chips). */
export function phaseTone(phase: RunPhase): StatusTone {
  return phase === 'finished' ? 'success' : PHASE_TONES[phase];
}

/** Phase chips: what needs attention first, then what is done. */
export const PHASE_CHIP_ORDER = ['running', 'queued', 'paused', 'finished', 'cancelled', 'setuperror'] as const satisfies readonly RunPhase[];

interface Timed {
  phase: RunPhase;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Run time from start to finish, or to `now` while the run is active; null when it never started. */
export function runDurationMs(run: Timed, now: number): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : isActive(run.phase) ? now : null;
  return end === null ? null : Math.max(0, end - Date.parse(run.startedAt));
}

/** The duration column: `3m 05s`, or null when there is none to show. */
export function runDurationText(run: Timed, now: number): string | null {
  const ms = runDurationMs(run, now);
  return ms === null ? null : formatDuration(ms);
}

export interface WaitingText {
  kind: Waiting['kind'];
  /** `Sleeping until Tue 14:05`, `Awaiting hook since 3h ago`. */
  text: string;
  /** The step that waits. */
  nodeId: string;
  /** The wake time has passed and the run still sleeps. */
  overdue: boolean;
}

/** What an idle active run waits for, in words. */
export function waitingText(waiting: Waiting, now: number, timeZone?: string): WaitingText {
  switch (waiting.kind) {
    case 'sleep': {
      const overdue = Date.parse(waiting.until) <= now;
      return {
        kind: 'sleep',
        nodeId: waiting.nodeId,
        overdue,
        text: overdue ? `Wake overdue since ${formatWakeTime(waiting.until, now, timeZone)}` : `Sleeping until ${formatWakeTime(waiting.until, now, timeZone)}`,
      };
    }
    case 'hook': {
      const age = now - Date.parse(waiting.since);
      return {
        kind: 'hook',
        nodeId: waiting.nodeId,
        overdue: false,
        text: age < 10_000 ? 'Awaiting hook since just now' : `Awaiting hook since ${formatAge(age)} ago`,
      };
    }
    default: {
      const never: never = waiting;
      throw new Error(`unknown waiting state ${JSON.stringify(never)}`);
    }
  }
}

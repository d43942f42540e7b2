import type { NodeStatus } from './node-status';
import type { RunPhase, RunResult } from './run-phase';

/** The longest failure reason the runs list shows (the run header shows the full message). */
export const FAILURE_REASON_MAX_CHARS = 200;

/**
 * A stored error (JSON of any shape) as one readable string: its `message` when it has one (with the
 * error's `name` or `code` in front when they add something), a string as it is, anything else as JSON.
 */
export function errorMessage(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (typeof error === 'string') return error.trim() || null;
  if (typeof error === 'object' && !Array.isArray(error)) {
    const e = error as Record<string, unknown>;
    if (typeof e.message === 'string' && e.message.trim() !== '') {
      const prefix = typeof e.name === 'string' && e.name !== 'Error' && !e.message.startsWith(e.name) ? `${e.name}: ` : '';
      return `${prefix}${e.message.trim()}`;
    }
    if (e.error !== undefined && e.error !== error) {
      const inner = errorMessage(e.error);
      if (inner) return inner;
    }
  }
  return JSON.stringify(error);
}

/** A message as one line of at most `max` characters: whitespace runs become one space, an ellipsis marks a cut. */
export function oneLine(message: string, max = FAILURE_REASON_MAX_CHARS): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A run's setup errors as one message. */
export function setupErrorMessage(errors: readonly string[]): string {
  if (errors.length === 0) return 'setup failed';
  return errors.length === 1 ? (errors[0] ?? '') : errors.map((e) => `• ${e}`).join('\n');
}

/** The runs list's one line for a failed step: `step: message`. */
export function stepFailureReason(nodeId: string | null, message: string | null): string {
  const text = message ?? 'failed';
  return oneLine(nodeId ? `${nodeId}: ${text}` : text);
}

/** What a run's failure is read from. */
export interface RunFailureFacts {
  phase: RunPhase;
  result: RunResult;
  error: unknown;
  setupErrors: readonly string[] | null;
}

export interface StepFailureFacts {
  nodeId: string;
  status: NodeStatus;
  finishedAt: string | null;
  error: unknown;
}

/** The step a failed run failed at: the first failed node by finish time (then by id), or null. */
export function failingStep<T extends StepFailureFacts>(steps: readonly T[]): T | null {
  const failed = steps.filter((s) => s.status === 'failed');
  failed.sort((a, b) => (a.finishedAt ?? '\uffff').localeCompare(b.finishedAt ?? '\uffff') || a.nodeId.localeCompare(b.nodeId));
  return failed[0] ?? null;
}

/**
 * Why a run failed: for a setup error its setup errors; for a finished failed run the failing step and
 * its error (the run's own error when the step has none, or no step failed); null for any other run.
 */
export function runFailure(run: RunFailureFacts, steps: readonly StepFailureFacts[]): { nodeId: string | null; message: string } | null {
  if (run.phase === 'setuperror') return { nodeId: null, message: setupErrorMessage(run.setupErrors ?? []) };
  if (run.phase !== 'finished' || run.result !== 'failed') return null;
  const step = failingStep(steps);
  const message = errorMessage(step?.error) ?? errorMessage(run.error) ?? (step ? 'the step failed' : 'the run failed');
  return { nodeId: step?.nodeId ?? null, message };
}

/** A run state's nodes (keyed by id) as the facts runFailure reads. */
export function stepsOf(nodes: Readonly<Record<string, Omit<StepFailureFacts, 'nodeId'>>>): StepFailureFacts[] {
  return Object.entries(nodes).map(([nodeId, n]) => ({ nodeId, status: n.status, finishedAt: n.finishedAt, error: n.error }));
}

/** The runs list's one line for a run (null when it did not fail). */
export function failureReason(run: RunFailureFacts, steps: readonly StepFailureFacts[]): string | null {
  const failure = runFailure(run, steps);
  if (!failure) return null;
  return run.phase === 'setuperror' ? oneLine(failure.message) : stepFailureReason(failure.nodeId, failure.message);
}

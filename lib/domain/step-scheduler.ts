import type { StepNeed } from './manifest';
import { conditionStatus, isNodeTerminal, type NeedCondition, type NodeStatus } from './node-status';

/** A step as the scheduler sees it: its id and what it needs (default condition on_success). */
export interface SchedulableStep {
  id: string;
  needs?: readonly StepNeed[];
}

export interface StepSkip {
  step: string;
  reason: string;
}

export interface ScheduleDecision {
  /** Pending steps whose needs are all met, in manifest order: start them. */
  ready: string[];
  /** Pending steps that can never run (a need ended in a status its condition does not accept), in the order to record them. */
  skip: StepSkip[];
  /** Set once every step is terminal (after the skips above): the run's result and the failures that decided it. */
  done: { result: 'success' | 'failed'; failed: string[] } | null;
}

const when = (need: StepNeed): NeedCondition => need.when ?? 'on_success';

/**
 * Which steps of a run start now, which are skipped, and whether the run is done. Pure: the runner
 * records the skips, starts the ready steps and asks again whenever a node changes.
 *
 * - A pending step is **ready** when every step it needs is terminal in the status its condition
 *   names: `on_success` → success, `on_failure` → failed, `on_skipped` → skipped.
 * - It is **skipped** as soon as one needed step is terminal in any other status (including
 *   cancelled): that condition can no longer hold. Skips cascade: a skipped step can make its own
 *   dependents ready (`on_skipped`) or skipped, and all of them are returned at once.
 * - Running and waiting (sleep, hook) steps are neither; the run is not done while any step is open.
 * - **Result** once every step is terminal: `failed` when some step failed and no step names it with
 *   `on_failure` (a failure with a handler is handled), or when any step was cancelled; else `success`.
 *   Skipped steps never fail a run.
 *
 * A status missing for a step counts as pending. A step that needs a step the workflow does not have
 * is skipped (the registry refuses such manifests; a stray one must not run).
 */
export function scheduleSteps(steps: readonly SchedulableStep[], statuses: Readonly<Record<string, NodeStatus>>): ScheduleDecision {
  const status = new Map(steps.map((s) => [s.id, statuses[s.id] ?? 'pending']));
  const skip: StepSkip[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of steps) {
      if (status.get(step.id) !== 'pending') continue;
      const reason = unmetReason(step, status);
      if (reason === null) continue;
      status.set(step.id, 'skipped');
      skip.push({ step: step.id, reason });
      changed = true;
    }
  }
  const ready = steps
    .filter((s) => status.get(s.id) === 'pending' && (s.needs ?? []).every((n) => status.get(n.step) === conditionStatus(when(n))))
    .map((s) => s.id);
  const allTerminal = steps.every((s) => isNodeTerminal(status.get(s.id) as NodeStatus));
  return { ready, skip, done: allTerminal ? runOutcome(steps, status) : null };
}

/** Why a pending step can never run, or null while it still may. */
function unmetReason(step: SchedulableStep, status: ReadonlyMap<string, NodeStatus>): string | null {
  for (const need of step.needs ?? []) {
    const got = status.get(need.step);
    if (got === undefined) return `needs unknown step "${need.step}"`;
    if (isNodeTerminal(got) && got !== conditionStatus(when(need))) return `"${need.step}" ended ${got}; condition ${when(need)}`;
  }
  return null;
}

function runOutcome(steps: readonly SchedulableStep[], status: ReadonlyMap<string, NodeStatus>): NonNullable<ScheduleDecision['done']> {
  const handled = new Set(steps.flatMap((s) => (s.needs ?? []).filter((n) => when(n) === 'on_failure').map((n) => n.step)));
  const failed = steps.filter((s) => (status.get(s.id) === 'failed' && !handled.has(s.id)) || status.get(s.id) === 'cancelled').map((s) => s.id);
  return { result: failed.length > 0 ? 'failed' : 'success', failed };
}

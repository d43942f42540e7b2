import { topologicalOrder, upstreamOf } from './dag';
import { type InputProblem, inputProblems } from './input-schema';
import type { UpgradeStrategy } from './job-status';
import { stepSignature, type WorkflowDefinition } from './manifest';
import type { NodeStatus } from './node-status';

/** A step of the run being upgraded, as its nodes and event log recorded it. */
export interface RecordedStep {
  nodeId: string;
  status: NodeStatus;
  signature: string;
}

/** Steps whose result an upgrade can carry over: the ones that reached a result. */
export const isCompleted = (s: RecordedStep) => s.status === 'success' || s.status === 'failed' || s.status === 'skipped';

export interface InputCompatibility {
  ok: boolean;
  problems: InputProblem[];
  /** False when there was no schema to check the input against (an engine that publishes none). */
  checked?: boolean;
}

/** The run's input checked against the target workflow's input schema; every failing path reported. */
export function assertInputCompatibility(input: unknown, target: WorkflowDefinition): InputCompatibility {
  const problems = inputProblems(target.input, input);
  return { ok: problems.length === 0, problems };
}

export interface StepChange {
  step: string;
  from: string;
  to: string;
}

export interface EventLogCompatibility {
  ok: boolean;
  /** Completed steps the target does not have. */
  missing: string[];
  /** Completed steps whose definition changed. */
  changed: StepChange[];
}

function targetSignatures(target: WorkflowDefinition): Map<string, string> {
  return new Map(target.steps.map((s) => [s.id, stepSignature(s)]));
}

/** Resume needs every completed step of the old run to exist in the target with the same signature. */
export function assertEventLogCompatibility(steps: readonly RecordedStep[], target: WorkflowDefinition): EventLogCompatibility {
  const signatures = targetSignatures(target);
  const missing: string[] = [];
  const changed: StepChange[] = [];
  for (const step of steps.filter(isCompleted)) {
    const to = signatures.get(step.nodeId);
    if (to === undefined) missing.push(step.nodeId);
    else if (to !== step.signature) changed.push({ step: step.nodeId, from: step.signature, to });
  }
  return { ok: missing.length === 0 && changed.length === 0, missing, changed };
}

export interface PartialResumePlan {
  /** Completed steps carried over unchanged. */
  reuse: string[];
  /** Target steps that run (again). */
  rerun: string[];
}

/**
 * Reuse a completed step only if its own signature and the signatures of all its upstream steps (in the
 * target's graph) are unchanged and those upstream steps are reused too; everything else re-runs.
 */
export function planPartialResume(steps: readonly RecordedStep[], target: WorkflowDefinition): PartialResumePlan {
  const recorded = new Map(steps.map((s) => [s.nodeId, s]));
  const signatures = targetSignatures(target);
  const deps = new Map(target.steps.map((s) => [s.id, (s.needs ?? []).map((n) => n.step)]));
  const sorted = topologicalOrder(deps);
  const order = 'order' in sorted ? sorted.order : target.steps.map((s) => s.id);
  const reuse = new Set<string>();
  for (const id of order) {
    const old = recorded.get(id);
    if (!old || !isCompleted(old) || old.signature !== signatures.get(id)) continue;
    if ([...upstreamOf(deps, id)].every((up) => reuse.has(up))) reuse.add(id);
  }
  return { reuse: order.filter((id) => reuse.has(id)), rerun: order.filter((id) => !reuse.has(id)) };
}

export interface StepDiff {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: string[];
}

/** Steps added, removed and changed (by signature) from one workflow definition to another. */
export function diffSteps(from: WorkflowDefinition | undefined, to: WorkflowDefinition | undefined): StepDiff {
  const a = new Map((from?.steps ?? []).map((s) => [s.id, stepSignature(s)]));
  const b = new Map((to?.steps ?? []).map((s) => [s.id, stepSignature(s)]));
  return {
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed: [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id)),
    unchanged: [...b.keys()].filter((id) => a.get(id) === b.get(id)),
  };
}

export interface UpgradeReport {
  strategy: UpgradeStrategy;
  compatible: boolean;
  input: InputCompatibility;
  eventLog: EventLogCompatibility;
  steps: StepDiff;
  /** Steps whose results the new run carries over. */
  reuse: string[];
  /** Steps the new run executes. */
  rerun: string[];
  reasons: string[];
  /** What the report could not check, said plainly (an engine that publishes no input schema). */
  notes?: string[];
}

/** The full compatibility report of upgrading a run to a target workflow with a strategy. */
export function upgradeReport(
  strategy: UpgradeStrategy,
  run: { input: unknown; steps: readonly RecordedStep[]; workflow: WorkflowDefinition | undefined },
  target: WorkflowDefinition | undefined,
): UpgradeReport {
  const empty: InputCompatibility = { ok: false, problems: [] };
  if (!target) {
    return {
      strategy,
      compatible: false,
      input: empty,
      eventLog: { ok: false, missing: [], changed: [] },
      steps: diffSteps(run.workflow, undefined),
      reuse: [],
      rerun: [],
      reasons: ['the target version has no such workflow'],
    };
  }
  const input = assertInputCompatibility(run.input, target);
  const eventLog = assertEventLogCompatibility(run.steps, target);
  const plan: PartialResumePlan =
    strategy === 'restart'
      ? { reuse: [], rerun: target.steps.map((s) => s.id) }
      : strategy === 'resume'
        ? { reuse: target.steps.filter((s) => run.steps.some((r) => r.nodeId === s.id && isCompleted(r))).map((s) => s.id), rerun: [] }
        : planPartialResume(run.steps, target);
  if (strategy === 'resume') plan.rerun = target.steps.map((s) => s.id).filter((id) => !plan.reuse.includes(id));
  const reasons: string[] = [];
  for (const p of input.problems) reasons.push(`input ${p.path}: ${p.message}`);
  if (strategy === 'resume') {
    for (const m of eventLog.missing) reasons.push(`completed step "${m}" does not exist in the target`);
    for (const c of eventLog.changed) reasons.push(`completed step "${c.step}" changed in the target`);
  }
  return { strategy, compatible: reasons.length === 0, input, eventLog, steps: diffSteps(run.workflow, target), ...plan, reasons };
}

/**
 * The report of upgrading a run of an engine Flowdeck does not run. Only a restart (a new run of the same
 * workflow with the same input on the target deployment) is possible there: the engine cannot carry an event
 * log across deployments. The input is checked where the target publishes a schema; otherwise the report
 * says it could not be.
 */
export function engineUpgradeReport(
  strategy: UpgradeStrategy,
  run: { input: unknown; steps: readonly RecordedStep[]; workflow: WorkflowDefinition | undefined },
  target: WorkflowDefinition | undefined,
  limits: { resume: string; inputSchema: string },
): UpgradeReport {
  const checkable = target !== undefined && Object.keys(target.input).length > 0;
  const input: InputCompatibility = checkable ? assertInputCompatibility(run.input, target) : { ok: true, problems: [], checked: false };
  const reasons = strategy === 'restart' ? input.problems.map((p) => `input ${p.path}: ${p.message}`) : [limits.resume];
  return {
    strategy,
    compatible: reasons.length === 0,
    input,
    eventLog: { ok: strategy === 'restart', missing: [], changed: [] },
    steps: diffSteps(run.workflow, target),
    reuse: [],
    rerun: strategy === 'restart' ? (target?.steps.map((s) => s.id) ?? run.steps.map((s) => s.nodeId)) : [],
    reasons,
    notes: checkable ? [] : [limits.inputSchema],
  };
}

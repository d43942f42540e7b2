import { topologicalOrder } from '@/lib/domain/dag';
import type { EventType } from '@/lib/domain/event-types';
import { normalizedNeeds, parseDuration, type StepAction, type StepNeed, stepAction, stepSignature, type WorkflowDefinition } from '@/lib/domain/manifest';
import { conditionStatus, type NodeStatus } from '@/lib/domain/node-status';
import { type ArtifactPool, VARIANT_WEIGHTS } from './artifact-pool';
import type { DemoWorkflow } from './manifests';
import type { Rng } from './random';
import { APPROVERS, baseDurationMs, failureWeight, stepError, WORKFLOW_FAILURE_RATE } from './step-profiles';

export interface PreparedStep {
  id: string;
  action: StepAction;
  signature: string;
  needs: Required<StepNeed>[];
  sleepMs: number;
  publishes: readonly string[] | undefined;
  /** Steps that run when this one fails: a failure they handle does not fail the run. */
  handlers: string[];
  failP: number;
}

/** A workflow of one version, ready to simulate: steps in topological order with everything precomputed. */
export interface PreparedWorkflow {
  name: DemoWorkflow;
  definition: WorkflowDefinition;
  steps: PreparedStep[];
  byId: ReadonlyMap<string, PreparedStep>;
  /** `run` steps that stage artifacts from a producer they need on success. */
  consumers: string[];
}

export function prepareWorkflow(name: DemoWorkflow, definition: WorkflowDefinition, signatures: Record<string, string>, pool: ArtifactPool): PreparedWorkflow {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const sorted = topologicalOrder(new Map(definition.steps.map((s) => [s.id, (s.needs ?? []).map((n) => n.step)])));
  if ('cycle' in sorted) throw new Error(`demo workflow ${name} has a cycle`);
  const runSteps = definition.steps.filter((s) => s.run !== undefined);
  const totalWeight = runSteps.reduce((sum, s) => sum + failureWeight(s.id), 0);
  const steps = sorted.order.map((id): PreparedStep => {
    const step = byId.get(id)!;
    return {
      id,
      action: stepAction(step),
      signature: signatures[id] ?? stepSignature(step),
      needs: normalizedNeeds(step),
      sleepMs: step.sleep ? (parseDuration(step.sleep) ?? 0) : 0,
      publishes: step.outputs ? pool.variants(name, id) : undefined,
      handlers: definition.steps.filter((s) => (s.needs ?? []).some((n) => n.step === id && n.when === 'on_failure')).map((s) => s.id),
      failP: step.run !== undefined ? (WORKFLOW_FAILURE_RATE[name] * failureWeight(id)) / totalWeight : 0,
    };
  });
  const prepared = new Map(steps.map((s) => [s.id, s]));
  const consumers = steps.filter((s) => s.action === 'run' && s.needs.some((n) => n.when === 'on_success' && prepared.get(n.step)?.publishes)).map((s) => s.id);
  return { name, definition, steps, byId: prepared, consumers };
}

/** A simulated event: times in epoch milliseconds until they are turned into run events. */
export interface SimEvent {
  t: number;
  type: Exclude<EventType, 'run_created' | 'run_upgraded'>;
  nodeId?: string;
  data: Record<string, unknown>;
  /** Wake time of a sleep_started event. */
  until?: number;
}

export interface SimulateOptions {
  rng: Rng;
  createdAt: number;
  noFailures: boolean;
  /** Forces the wait of every hook (e.g. a hook nobody answers). */
  hookDelayMs?: number;
  /** A consumer stages a stale digest (a cache restored from an older build) instead of its producer's. */
  stale: boolean;
}

export interface Timeline {
  events: SimEvent[];
  /** Producer step id → the manifest digest it published. */
  published: Record<string, string>;
}

function hookDelay(rng: Rng): number {
  const bucket = rng.weighted([
    [0, 0.7],
    [1, 0.25],
    [2, 0.05],
  ] as const);
  if (bucket === 0) return Math.round(rng.logUniform(60_000, 1_800_000));
  if (bucket === 1) return Math.round(rng.logUniform(1_800_000, 28_800_000));
  return Math.round(rng.float(86_400_000, 864_000_000));
}

function otherVariant(variants: readonly string[], digest: string, rng: Rng): string {
  const others = variants.filter((d) => d !== digest);
  return others.length > 0 ? rng.pick(others) : digest;
}

/** The full life of a run from start to finish, as if nothing stopped it: events in time order. */
export function simulateRun(workflow: PreparedWorkflow, options: SimulateOptions): Timeline {
  const { rng } = options;
  const events: SimEvent[] = [];
  const status = new Map<string, NodeStatus>();
  const finish = new Map<string, number>();
  const published: Record<string, string> = {};
  const runStart = options.createdAt + Math.round(rng.logUniform(300, 45_000));
  events.push({ t: runStart, type: 'run_started', data: {} });
  const staleConsumer = options.stale && workflow.consumers.length > 0 ? rng.pick(workflow.consumers) : null;
  for (const step of workflow.steps) {
    const ready = step.needs.reduce((t, n) => Math.max(t, finish.get(n.step) ?? runStart), runStart);
    const unmet = step.needs.find((n) => status.get(n.step) !== conditionStatus(n.when));
    if (unmet) {
      const t = ready + rng.int(5, 400);
      const reason = `${unmet.step} is ${status.get(unmet.step)}; needs ${unmet.when}`;
      events.push({ t, type: 'node_skipped', nodeId: step.id, data: { reason } });
      status.set(step.id, 'skipped');
      finish.set(step.id, t);
      continue;
    }
    let start = ready + rng.int(150, 3000);
    const staged: Record<string, string> = {};
    if (step.action === 'run') {
      for (const need of step.needs) {
        const digest = published[need.step];
        if (need.when === 'on_success' && digest) staged[need.step] = digest;
      }
      if (staleConsumer === step.id) {
        const producer = Object.keys(staged)[0]!;
        const variants = workflow.byId.get(producer)?.publishes ?? [];
        staged[producer] = otherVariant(variants, staged[producer]!, rng);
      }
    }
    const startData = Object.keys(staged).length > 0 ? { staged } : {};
    let end = start;
    let final: NodeStatus = 'success';
    for (let attempt = 1; ; attempt++) {
      events.push({ t: start, type: 'node_started', nodeId: step.id, data: startData });
      if (step.action === 'run') {
        const duration = Math.round(baseDurationMs(step.id) * rng.logUniform(0.5, 2));
        const fails = !options.noFailures && rng.chance(attempt === 1 ? step.failP : 0.35);
        if (!fails) {
          end = start + duration;
          events.push({ t: end, type: 'node_succeeded', nodeId: step.id, data: {} });
          final = 'success';
          break;
        }
        end = start + Math.round(duration * rng.float(0.05, 1));
        events.push({ t: end, type: 'node_failed', nodeId: step.id, data: { error: stepError(step.id, rng.int(0, 9)) } });
        final = 'failed';
        if (attempt < 3 && rng.chance(attempt === 1 ? 0.45 : 0.25)) {
          start = end + rng.int(5_000, 60_000);
          continue;
        }
        break;
      }
      if (step.action === 'sleep') {
        const until = start + 20 + step.sleepMs;
        events.push({ t: start + 20, type: 'sleep_started', nodeId: step.id, data: {}, until });
        events.push({ t: until + rng.int(50, 3_000), type: 'sleep_woken', nodeId: step.id, data: {} });
        end = until + rng.int(3_050, 3_500);
        events.push({ t: end, type: 'node_succeeded', nodeId: step.id, data: {} });
        break;
      }
      const token = `hk_${rng.hex(24)}`;
      const created = start + 40;
      const received = created + (options.hookDelayMs ?? hookDelay(rng));
      const by = rng.pick(APPROVERS);
      const rejected = !options.noFailures && rng.chance(0.04);
      events.push({ t: created, type: 'hook_created', nodeId: step.id, data: { token } });
      events.push({ t: received, type: 'hook_received', nodeId: step.id, data: { token, payload: { decision: rejected ? 'reject' : 'approve', by } } });
      end = received + 60;
      if (rejected) {
        events.push({ t: end, type: 'node_failed', nodeId: step.id, data: { error: { message: `rejected by ${by}` } } });
        final = 'failed';
      } else {
        events.push({ t: end, type: 'node_succeeded', nodeId: step.id, data: { output: { approvedBy: by } } });
      }
      break;
    }
    status.set(step.id, final);
    finish.set(step.id, end);
    if (final === 'success' && step.publishes) published[step.id] = rng.weighted(step.publishes.map((d, i) => [d, VARIANT_WEIGHTS[i] ?? 0.05] as const));
  }
  const last = Math.max(runStart, ...finish.values());
  const unhandled = workflow.steps.find((s) => status.get(s.id) === 'failed' && !s.handlers.some((h) => status.get(h) === 'success'));
  const counts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const s of status.values()) {
    if (s === 'success') counts.succeeded++;
    else if (s === 'failed') counts.failed++;
    else if (s === 'skipped') counts.skipped++;
  }
  const finishedAt = last + rng.int(200, 1_500);
  const data = unhandled
    ? { result: 'failed', error: { message: `step "${unhandled.id}" failed`, step: unhandled.id } }
    : { result: 'success', output: { steps: counts, durationMs: finishedAt - runStart } };
  events.push({ t: finishedAt, type: 'run_finished', data });
  events.sort((a, b) => a.t - b.t);
  // Ties keep generation order, so a node's dependents never come before it.
  return { events, published };
}

/** Indexes after which the run is idle (nothing running, nothing waiting): where an operator may pause it. */
export function idlePoints(events: readonly SimEvent[], notAfter: number): number[] {
  const running = new Set<string>();
  let waiting = false;
  const points: number[] = [];
  events.forEach((e, i) => {
    if (e.type === 'node_started') running.add(e.nodeId!);
    else if (e.type === 'node_succeeded' || e.type === 'node_failed') running.delete(e.nodeId!);
    else if (e.type === 'sleep_started' || e.type === 'hook_created') waiting = true;
    else if (e.type === 'sleep_woken' || e.type === 'hook_received') waiting = false;
    if (e.type !== 'run_finished' && running.size === 0 && !waiting && e.t < notAfter) points.push(i);
  });
  return points;
}

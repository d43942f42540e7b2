import { upstreamOf } from './dag';
import { jsonDigest } from './digest';
import type { StepDefinition } from './manifest';

/**
 * The producers whose artifacts a step stages before it runs: every step it needs that declares
 * outputs; through a needed step that declares none (a sleep, a hook, a run step without outputs), that
 * step's own producers, recursively. So `package → approve (hook) → wait (sleep) → publish` stages
 * package's files into publish. In need order, each producer once.
 */
export function artifactProducers(steps: readonly StepDefinition[], stepId: string): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (id: string) => {
    for (const need of byId.get(id)?.needs ?? []) {
      if (visited.has(need.step)) continue;
      visited.add(need.step);
      const producer = byId.get(need.step);
      if (!producer) continue;
      if ((producer.outputs ?? []).length > 0) found.push(producer.id);
      else visit(producer.id);
    }
  };
  visit(stepId);
  return found;
}

/** Every step `stepId` depends on, directly or through others, in manifest order. */
export function upstreamSteps(steps: readonly StepDefinition[], stepId: string): string[] {
  const deps = new Map(steps.map((s) => [s.id, (s.needs ?? []).map((n) => n.step)]));
  const upstream = upstreamOf(deps, stepId);
  return steps.map((s) => s.id).filter((id) => upstream.has(id));
}

/** What a step sees of one earlier step (FLOWDECK_STEPS_FILE). */
export interface SeenStep {
  status: string;
  output: unknown;
  error: unknown;
}

/**
 * What a step sees of the steps it depends on (directly or not) that ended: success, failed or skipped.
 * `nodes` are the run's nodes as recorded.
 */
export function seenSteps(
  steps: readonly StepDefinition[],
  stepId: string,
  nodes: Iterable<{ nodeId: string; status: string; output: unknown; error: unknown }>,
): Record<string, SeenStep> {
  const upstream = new Set(upstreamSteps(steps, stepId));
  const seen: Record<string, SeenStep> = {};
  for (const n of nodes) {
    if (upstream.has(n.nodeId) && (n.status === 'success' || n.status === 'failed' || n.status === 'skipped')) {
      seen[n.nodeId] = { status: n.status, output: n.output ?? null, error: n.error ?? null };
    }
  }
  return seen;
}

/** Fields of a node output that say how a result came about, not what it is: never part of a cache key. */
const INCIDENTAL = ['durationMs', 'cachedFrom', 'context'];

function essential(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !INCIDENTAL.includes(k)));
}

/**
 * The digest of everything a step sees besides its own definition and staged files: the run input and
 * its upstream steps' statuses, outputs (a hook's payload included) and errors, without incidental
 * fields such as durations. Two executions with equal signatures, staged manifests and context digests
 * see the same world, so one's result may stand in for the other's (the step cache).
 */
export function stepContextDigest(input: unknown, seen: Readonly<Record<string, SeenStep>>): string {
  const view = Object.fromEntries(Object.entries(seen).map(([id, s]) => [id, { status: s.status, output: essential(s.output), error: essential(s.error) }]));
  return jsonDigest({ input: input ?? null, steps: view });
}

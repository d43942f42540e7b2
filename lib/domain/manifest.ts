import { topologicalOrder } from './dag';
import { jsonDigest } from './digest';
import type { NeedCondition } from './node-status';

/** A version manifest: the workflow code a version serves (DESIGN "Version"). */
export interface StepNeed {
  step: string;
  when?: NeedCondition;
}

export interface StepDefinition {
  id: string;
  needs?: StepNeed[];
  /** Shell command. Exactly one of run, sleep, hook. */
  run?: string;
  /** Duration such as `30s`, `15m`, `2h`, `7d`. */
  sleep?: string;
  /** Waits for an external call. */
  hook?: { description?: string };
  /** Paths (relative to the step's working directory) published as the step's artifacts. */
  outputs?: string[];
}

export interface WorkflowDefinition {
  description?: string;
  input: Record<string, unknown>;
  steps: StepDefinition[];
}

export interface VersionManifest {
  workflows: Record<string, WorkflowDefinition>;
}

export type StepAction = 'run' | 'sleep' | 'hook';

export function stepAction(step: StepDefinition): StepAction {
  if (step.run !== undefined) return 'run';
  if (step.sleep !== undefined) return 'sleep';
  return 'hook';
}

/** The step's signature: the digest of its canonical definition. */
export function stepSignature(step: StepDefinition): string {
  return jsonDigest(step);
}

export function manifestDigest(manifest: VersionManifest): string {
  return jsonDigest(manifest);
}

export function normalizedNeeds(step: StepDefinition): Required<StepNeed>[] {
  return (step.needs ?? []).map((n) => ({ step: n.step, when: n.when ?? 'on_success' }));
}

/** Structural problems of a manifest that a schema cannot express: unique ids, known and acyclic needs. */
export function manifestProblems(manifest: VersionManifest): string[] {
  const problems: string[] = [];
  for (const [name, workflow] of Object.entries(manifest.workflows)) {
    const ids = new Set<string>();
    for (const step of workflow.steps) {
      if (ids.has(step.id)) problems.push(`workflow ${name}: step id "${step.id}" is not unique`);
      ids.add(step.id);
      const actions = [step.run, step.sleep, step.hook].filter((a) => a !== undefined).length;
      if (actions !== 1) problems.push(`workflow ${name}: step "${step.id}" needs exactly one of run, sleep, hook`);
    }
    for (const step of workflow.steps) {
      for (const need of step.needs ?? []) {
        if (!ids.has(need.step)) problems.push(`workflow ${name}: step "${step.id}" needs unknown step "${need.step}"`);
      }
    }
    const deps = new Map(workflow.steps.map((s) => [s.id, (s.needs ?? []).map((n) => n.step).filter((id) => ids.has(id))]));
    const sorted = topologicalOrder(deps);
    if ('cycle' in sorted) problems.push(`workflow ${name}: needs form a cycle through ${sorted.cycle.join(', ')}`);
  }
  return problems;
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `15m` → 900000. Returns null for anything else. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** What the registry derives from a manifest: its content address and every step's signature. */
export function prepareManifest(manifest: VersionManifest): { manifestDigest: string; signatures: Record<string, Record<string, string>> } {
  const signatures = Object.fromEntries(
    Object.entries(manifest.workflows).map(([name, wf]) => [name, Object.fromEntries(wf.steps.map((s) => [s.id, stepSignature(s)]))]),
  );
  return { manifestDigest: manifestDigest(manifest), signatures };
}

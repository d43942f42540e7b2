import { jsonDigest } from './digest';
import type { UpgradeStrategy } from './job-status';
import { UPGRADE_STRATEGIES } from './job-status';
import type { VersionManifest, WorkflowDefinition } from './manifest';
import { ownValue } from './own';
import { diffSteps, type RecordedStep, type StepDiff, upgradeReport } from './upgrade';

export interface InputSchemaDiff {
  changed: boolean;
  addedFields: string[];
  removedFields: string[];
  changedFields: string[];
  newlyRequired: string[];
  noLongerRequired: string[];
}

export interface WorkflowDiff {
  workflow: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  steps: StepDiff;
  input: InputSchemaDiff;
}

type Schema = { properties?: Record<string, unknown>; required?: string[] };

/** Top-level fields of two input schemas compared: added, removed, changed, and required-ness. */
export function diffInputSchemas(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): InputSchemaDiff {
  const from = (a ?? {}) as Schema;
  const to = (b ?? {}) as Schema;
  const pa = from.properties ?? {};
  const pb = to.properties ?? {};
  const ra = new Set(from.required ?? []);
  const rb = new Set(to.required ?? []);
  return {
    changed: jsonDigest(a ?? {}) !== jsonDigest(b ?? {}),
    addedFields: Object.keys(pb).filter((k) => !(k in pa)),
    removedFields: Object.keys(pa).filter((k) => !(k in pb)),
    changedFields: Object.keys(pb).filter((k) => k in pa && jsonDigest(pa[k]) !== jsonDigest(pb[k])),
    newlyRequired: [...rb].filter((k) => !ra.has(k)),
    noLongerRequired: [...ra].filter((k) => !rb.has(k)),
  };
}

/** Per workflow: steps added, removed and changed (by signature) and input schema changes. */
export function diffManifests(from: VersionManifest, to: VersionManifest): WorkflowDiff[] {
  const names = [...new Set([...Object.keys(from.workflows), ...Object.keys(to.workflows)])].sort();
  return names.map((workflow) => {
    const a: WorkflowDefinition | undefined = ownValue(from.workflows, workflow);
    const b: WorkflowDefinition | undefined = ownValue(to.workflows, workflow);
    const steps = diffSteps(a, b);
    const input = diffInputSchemas(a?.input, b?.input);
    const change = !a
      ? 'added'
      : !b
        ? 'removed'
        : input.changed || steps.added.length || steps.removed.length || steps.changed.length
          ? 'changed'
          : 'unchanged';
    return { workflow, change, steps, input };
  });
}

export interface StrategyRadius {
  strategy: UpgradeStrategy;
  compatible: number;
  incompatible: number;
  /** Why runs cannot be upgraded, with how many runs each reason stops. */
  reasons: { reason: string; runs: number }[];
  /** Which sets of steps the compatible runs would re-run, with how many runs each. */
  reruns: { steps: string[]; runs: number }[];
}

export interface ActiveRunSteps {
  workflow: string;
  input: unknown;
  steps: RecordedStep[];
}

const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** For each strategy, how many of the older version's active runs could move to the newer, and what re-runs. */
export function blastRadius(active: readonly ActiveRunSteps[], from: VersionManifest, to: VersionManifest): StrategyRadius[] {
  return UPGRADE_STRATEGIES.map((strategy) => {
    const reasons = new Map<string, number>();
    const reruns = new Map<string, number>();
    let compatible = 0;
    for (const run of active) {
      const report = upgradeReport(
        strategy,
        { input: run.input, steps: run.steps, workflow: ownValue(from.workflows, run.workflow) },
        ownValue(to.workflows, run.workflow),
      );
      if (report.compatible) {
        compatible++;
        tally(reruns, JSON.stringify(report.rerun));
      } else {
        for (const r of new Set(report.reasons.map((x) => `${run.workflow}: ${x}`))) tally(reasons, r);
      }
    }
    return {
      strategy,
      compatible,
      incompatible: active.length - compatible,
      reasons: [...reasons].map(([reason, runs]) => ({ reason, runs })).sort((a, b) => b.runs - a.runs),
      reruns: [...reruns].map(([steps, runs]) => ({ steps: JSON.parse(steps) as string[], runs })).sort((a, b) => b.runs - a.runs),
    };
  });
}

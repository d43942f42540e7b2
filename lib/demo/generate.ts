import { ulid } from 'ulid';
import type { BlobRow, EventRow, ManifestRow, NodeRow, RunRow, runCounts, VersionRow } from '@/lib/db/schema';
import { isActive } from '@/lib/domain/run-phase';
import { buildArtifactPool } from './artifact-pool';
import { cutTimeline, type Fate, type RunIdentity, type RunRows, runRows, setupErrorRows, withPauseResume } from './build-run';
import { brokenInput, demoInput, GROUPS } from './inputs';
import type { DemoWorkflow } from './manifests';
import { mixSeed, Rng } from './random';
import { type PreparedWorkflow, prepareWorkflow, simulateRun } from './simulate';
import { DAY_MS, type DemoVersion, demoVersions } from './versions';

export interface DemoOptions {
  runs: number;
  seed: number;
  /** The "now" the demo is built around: runs span the 30 days before it. */
  anchor: Date;
  /** Runs per batch (default 2,000). Does not change the data, only how it is cut. */
  batchSize?: number;
}

export type RunCountRow = typeof runCounts.$inferSelect;
export type DemoBlobRow = BlobRow & { bytes: Uint8Array };

/** Runs with their nodes and events; `runCounts` aggregates this batch's runs only. */
export interface DemoBatch {
  runs: RunRow[];
  nodes: NodeRow[];
  events: EventRow[];
  runCounts: RunCountRow[];
}

export interface DemoData {
  versions: VersionRow[];
  blobs: DemoBlobRow[];
  manifests: ManifestRow[];
  /** Every run, oldest first, in batches; each call replays the same data from the start. */
  batches(): AsyncGenerator<DemoBatch>;
}

/** Runs that must exist for the demo to show every state: placed deterministically by time. */
type Scenario = 'setuperror' | 'cancel' | 'pause' | 'running' | 'queued' | 'hook-wait' | 'sleeping' | 'stale';

const WORKFLOW_WEIGHTS: readonly (readonly [DemoWorkflow, number])[] = [
  ['db-backup', 30],
  ['deploy', 25],
  ['customer-onboarding', 12],
  ['nightly-etl', 8],
  ['ml-train', 8],
  ['release', 7],
  ['build-and-test', 5],
];

const SCENARIO_WORKFLOW: Partial<Record<Scenario, DemoWorkflow>> = {
  'hook-wait': 'deploy',
  sleeping: 'customer-onboarding',
  stale: 'build-and-test',
  running: 'build-and-test',
  pause: 'nightly-etl',
};

const SCENARIO_FATE: Record<Exclude<Scenario, 'setuperror'>, Fate> = {
  cancel: 'cancel',
  pause: 'pause',
  running: 'running',
  queued: 'queued',
  'hook-wait': 'normal',
  sleeping: 'normal',
  stale: 'normal',
};

const ACTIVE_SCENARIOS: readonly Scenario[] = ['pause', 'running', 'queued', 'hook-wait', 'sleeping'];
const MINUTE = 60_000;

/** Creation time of run `i` of `n`: spread over 30 days with a daily rhythm (busiest early afternoon UTC), strictly increasing. */
function runTimes(seed: number, n: number, anchor: number): (i: number) => number {
  const start = anchor - 30 * DAY_MS;
  const span = 30 * DAY_MS - 5_000;
  const cycles = 30;
  const amplitude = 0.6;
  const phase = (2 * Math.PI * (((start % DAY_MS) + DAY_MS - 14 * 3_600_000) % DAY_MS)) / DAY_MS;
  const k = amplitude / (2 * Math.PI * cycles);
  return (i) => {
    const jitter = 0.05 + 0.9 * new Rng(mixSeed(seed, i, 0x71e)).next();
    const u = (i + jitter) / n;
    const warped = u - k * (Math.sin(2 * Math.PI * cycles * u + phase) - Math.sin(phase));
    return start + Math.floor(warped * span);
  };
}

/** Deterministic demo data for (seed, anchor): the version registry, artifacts, and `runs` runs streamed in batches. */
export function generateDemo(options: DemoOptions): DemoData {
  const { seed, runs: total } = options;
  const anchor = options.anchor.getTime();
  const batchSize = options.batchSize ?? 2_000;
  const versions = demoVersions(seed, anchor);
  const pool = buildArtifactPool(
    seed,
    versions.map((v) => v.row.manifest),
  );
  const origin = new Date(versions[0]!.row.createdAt.getTime() - 3_600_000);
  const serving = versions.filter((v) => v.row.status !== 'pending');
  const timeOf = runTimes(seed, Math.max(total, 1), anchor);
  const versionAt = (t: number): DemoVersion => serving.findLast((v) => v.row.createdAt.getTime() <= t) ?? serving[0]!;
  const acceptsActive = (v: DemoVersion) => v.row.status !== 'sunset' && v.row.status !== 'pending';

  const forced = new Map<number, Scenario>();
  const indexAtOrBefore = (t: number) => {
    let lo = 0;
    let hi = total - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (timeOf(mid) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const place = (index: number, scenario: Scenario, step: 1 | -1, sameVersion?: DemoVersion) => {
    let i = index;
    while (i >= 0 && i < total && forced.has(i)) i += step;
    if (i < 0 || i >= total) return;
    const version = versionAt(timeOf(i));
    if (sameVersion && version !== sameVersion) return;
    if (ACTIVE_SCENARIOS.includes(scenario) && !acceptsActive(version)) return;
    forced.set(i, scenario);
  };
  if (total > 0) {
    place(total - 1, 'queued', -1);
    const tail: [number, Scenario][] = [
      [6, 'running'],
      [40, 'pause'],
      [45, 'cancel'],
      [50, 'setuperror'],
      [90, 'hook-wait'],
    ];
    for (const [minutes, scenario] of tail) place(indexAtOrBefore(anchor - minutes * MINUTE), scenario, -1);
    const draining = versions.find((v) => v.row.status === 'draining');
    if (draining) {
      const first = indexAtOrBefore(draining.row.createdAt.getTime() + 30 * MINUTE) + 1;
      (['hook-wait', 'sleeping', 'hook-wait', 'sleeping'] as const).forEach((s, k) => {
        place(first + k, s, 1, draining);
      });
    }
    place(indexAtOrBefore(anchor - 10 * DAY_MS), 'stale', -1);
  }

  const prepared = new Map<string, PreparedWorkflow>();
  const preparedFor = (v: DemoVersion, workflow: DemoWorkflow) => {
    const key = `${v.row.id}/${workflow}`;
    let p = prepared.get(key);
    if (!p) {
      p = prepareWorkflow(workflow, v.row.manifest.workflows[workflow]!, v.row.signatures[workflow] ?? {}, pool);
      prepared.set(key, p);
    }
    return p;
  };

  function generateRun(i: number, createdAt: number): RunRows {
    const rng = new Rng(mixSeed(seed, i, 0xa11));
    const version = versionAt(createdAt);
    const scenario = forced.get(i);
    const workflow = (scenario && SCENARIO_WORKFLOW[scenario]) ?? rng.weighted(WORKFLOW_WEIGHTS);
    const groupPath = rng.pick(GROUPS[workflow]);
    const input = demoInput(workflow, version.rev, groupPath, createdAt, rng);
    const prep = preparedFor(version, workflow);
    const identity: RunIdentity = { id: `run_${ulid(createdAt, rng.fn)}`, workflow: prep, versionId: version.row.id, groupPath, input, createdAt };
    if (scenario === 'setuperror' || (!scenario && rng.chance(0.01))) {
      const broken = brokenInput(prep.definition, input, groupPath, rng);
      return setupErrorRows({ ...identity, input: broken.input }, broken.setupErrors);
    }
    const fate: Fate = scenario
      ? SCENARIO_FATE[scenario]
      : rng.weighted<Fate>([
          ['normal', 0.976],
          ['cancel', 0.02],
          ['pause', acceptsActive(version) ? 0.004 : 0],
        ]);
    const timeline = simulateRun(prep, {
      rng,
      createdAt,
      noFailures: scenario !== undefined,
      hookDelayMs: scenario === 'hook-wait' ? 400 * DAY_MS : undefined,
      stale: scenario === 'stale' || (!scenario && workflow === 'build-and-test' && rng.chance(0.02)),
    });
    if (fate === 'normal' && !scenario && rng.chance(0.01)) timeline.events = withPauseResume(timeline.events, anchor, rng, groupPath);
    const recorded = cutTimeline(timeline, fate, createdAt, anchor, rng, groupPath);
    const rows = runRows(identity, recorded, timeline.published);
    if (isActive(rows.run.phase) && !acceptsActive(version)) {
      throw new Error(`demo generator: run ${rows.run.id} is ${rows.run.phase} on ${version.row.status} version ${version.row.id}`);
    }
    return rows;
  }

  async function* batches(): AsyncGenerator<DemoBatch> {
    let previous = -Infinity;
    for (let from = 0; from < total; from += batchSize) {
      const batch: DemoBatch = { runs: [], nodes: [], events: [], runCounts: [] };
      for (let i = from; i < Math.min(total, from + batchSize); i++) {
        const createdAt = Math.max(timeOf(i), previous + 1);
        previous = createdAt;
        const rows = generateRun(i, createdAt);
        batch.runs.push(rows.run);
        for (const n of rows.nodes) batch.nodes.push(n);
        for (const e of rows.events) batch.events.push(e);
      }
      batch.runCounts = sumRunCounts(batch.runs.map((r) => ({ versionId: r.versionId, phase: r.phase, result: r.result, n: 1 })));
      yield batch;
    }
  }

  return {
    versions: versions.map((v) => v.row),
    blobs: pool.blobs.map((b) => ({ digest: b.digest, size: b.size, createdAt: origin, bytes: b.bytes })),
    manifests: pool.manifests.map((m) => ({ ...m, createdAt: origin })),
    batches,
  };
}

/** Adds up run counts by (version, phase, result). */
export function sumRunCounts(rows: Iterable<RunCountRow>): RunCountRow[] {
  const totals = new Map<string, RunCountRow>();
  for (const row of rows) {
    const key = `${row.versionId}\u0000${row.phase}\u0000${row.result}`;
    const seen = totals.get(key);
    if (seen) seen.n += row.n;
    else totals.set(key, { ...row });
  }
  return [...totals.values()];
}

/** Everything at once, for tests and small demos; large demos should stream `batches()`. */
export async function collectDemo(options: DemoOptions) {
  const data = generateDemo(options);
  const runs: RunRow[] = [];
  const nodes: NodeRow[] = [];
  const events: EventRow[] = [];
  const counts: RunCountRow[] = [];
  for await (const batch of data.batches()) {
    for (const r of batch.runs) runs.push(r);
    for (const n of batch.nodes) nodes.push(n);
    for (const e of batch.events) events.push(e);
    for (const c of batch.runCounts) counts.push(c);
  }
  return { versions: data.versions, blobs: data.blobs, manifests: data.manifests, runs, nodes, events, runCounts: sumRunCounts(counts) };
}

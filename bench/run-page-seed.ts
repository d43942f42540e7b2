// The runs the run-page benchmark opens, written through the HTTP API as an engine would: one version whose
// workflows are pipelines of fan-out/fan-in blocks (one per size), then per size one run about two thirds
// through, with one step running, the steps before it finished (a few after a retry, the failure
// handlers skipped) and the rest pending.
import type { StepDefinition, VersionManifest } from '@/lib/domain/manifest';
import type { RunEvent } from '@/lib/domain/run-machine';
import { rng } from './ingest-workload';

/** Events per request: the API takes up to 1,000 (and 1 MiB) a batch. */
const BATCH = 500;
/** How far through its steps (in order) each run is. */
const DONE_SHARE = 0.65;

/** An event before its time is set. */
type Untimed = { [K in RunEvent['type']]: Omit<Extract<RunEvent, { type: K }>, 'at'> }[RunEvent['type']];

/**
 * A pipeline of `n` steps in blocks: a `split` step fans out to `width` shards of two steps each
 * (`test` → `report`, some reports also needing a report of the block before), a `merge` step fans in
 * from every shard, and a `notify` step runs only when the merge fails. Each block's split needs the
 * previous block's merge. Steps come in an order where every step follows all it needs.
 */
export function pipelineSteps(n: number, random: () => number): StepDefinition[] {
  const width = n <= 10 ? 3 : Math.min(64, Math.max(4, Math.round(Math.sqrt(n) / 1.5)));
  const steps: StepDefinition[] = [];
  const add = (step: StepDefinition) => {
    if (steps.length < n) steps.push(step);
  };
  let previousMerge: string | undefined;
  let previousReports: string[] = [];
  for (let b = 0; steps.length < n; b++) {
    const block = `b${String(b).padStart(3, '0')}`;
    const split = `${block}-split`;
    add({ id: split, run: `./pipeline.sh split ${block}`, ...(previousMerge ? { needs: [{ step: previousMerge }] } : {}) });
    const shards = Array.from({ length: width }, (_, s) => `${block}-s${String(s).padStart(2, '0')}`);
    for (const shard of shards) add({ id: `${shard}-test`, run: `./pipeline.sh test ${shard}`, needs: [{ step: split }] });
    const reports: string[] = [];
    for (const shard of shards) {
      const needs = [{ step: `${shard}-test` }];
      const earlier = previousReports[Math.floor(random() * previousReports.length)];
      if (earlier && random() < 0.2) needs.push({ step: earlier });
      add({ id: `${shard}-report`, run: `./pipeline.sh report ${shard}`, needs });
      reports.push(`${shard}-report`);
    }
    const merge = `${block}-merge`;
    add({ id: merge, run: `./pipeline.sh merge ${block}`, needs: reports.map((step) => ({ step })) });
    add({ id: `${block}-notify`, run: `./notify.sh ${block}`, needs: [{ step: merge, when: 'on_failure' }] });
    previousMerge = merge;
    previousReports = reports;
  }
  // A step whose needs were cut off by the size limit needs only the steps that made it in.
  const kept = new Set(steps.map((s) => s.id));
  return steps.map((s) => (s.needs ? { ...s, needs: s.needs.filter((need) => kept.has(need.step)) } : s));
}

/**
 * The events of a run part-way through `steps`: the first DONE_SHARE of them finished (3% after one
 * failed attempt; failure handlers skipped), the next one running, the rest pending. Steps start when
 * all they need has finished, so shards overlap in time; events come in time order and end before now.
 */
export function partialRunEvents(steps: StepDefinition[], random: () => number, now = Date.now()): RunEvent[] {
  const isHandler = (step: StepDefinition | undefined) => step?.needs?.some((need) => need.when === 'on_failure') ?? false;
  let cut = Math.min(steps.length - 1, Math.floor(steps.length * DONE_SHARE));
  while (cut > 0 && isHandler(steps[cut])) cut--;
  const finishedAt = new Map<string, number>();
  const timed: { t: number; event: Untimed }[] = [];
  for (const step of steps.slice(0, cut + 1)) {
    const ready = Math.max(0, ...(step.needs ?? []).map((need) => finishedAt.get(need.step) ?? 0));
    const start = ready + 200 + Math.floor(random() * 2_000);
    const nodeId = step.id;
    if (isHandler(step)) {
      timed.push({ t: start, event: { type: 'node_skipped', nodeId, reason: 'condition not met' } });
      finishedAt.set(nodeId, start);
      continue;
    }
    timed.push({ t: start, event: { type: 'node_started', nodeId } });
    if (step === steps[cut]) break;
    let end = start + 1_000 + Math.floor(random() * 60_000);
    if (random() < 0.03) {
      timed.push({ t: end, event: { type: 'node_failed', nodeId, error: { exitCode: 137, message: 'killed: out of memory' } } });
      timed.push({ t: end + 500, event: { type: 'node_started', nodeId } });
      end += 500 + 1_000 + Math.floor(random() * 60_000);
    }
    timed.push({ t: end, event: { type: 'node_succeeded', nodeId, output: { exitCode: 0, durationMs: end - start, log: `logs/${nodeId}.txt` } } });
    finishedAt.set(nodeId, end);
  }
  // Stable: a step's own events keep their order when two share a millisecond.
  timed.sort((a, b) => a.t - b.t);
  const last = timed.at(-1)?.t ?? 0;
  const base = now - 5_000 - last;
  const at = (t: number) => new Date(base + t).toISOString();
  return [{ type: 'run_started', at: at(0) }, ...timed.map(({ t, event }) => ({ ...event, at: at(t) }) as RunEvent)];
}

async function call(url: string, method: string, body: unknown, status: number): Promise<any> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

export interface SeededRun {
  nodes: number;
  runId: string;
  events: number;
}

/** Registers one version with a workflow per size, then creates and drives one run of each. */
export async function seedRunPageRuns(base: string, sizes: readonly number[]): Promise<SeededRun[]> {
  const plans = sizes.map((n) => ({ n, workflow: `run-page-${n}`, steps: pipelineSteps(n, rng(n)) }));
  const manifest: VersionManifest = {
    workflows: Object.fromEntries(
      plans.map((p) => [p.workflow, { description: `Run-page benchmark, ${p.n} steps`, input: { type: 'object' }, steps: p.steps }]),
    ),
  };
  const version = await call(`${base}/api/v1/versions`, 'POST', { manifest, label: 'run-page-bench', address: 'http://127.0.0.1:9/run-page-bench' }, 201);
  const out: SeededRun[] = [];
  for (const plan of plans) {
    const run = await call(
      `${base}/api/v1/runs`,
      'POST',
      { workflow: plan.workflow, versionId: version.id, groupPath: 'bench/run-page', input: { nodes: plan.n } },
      201,
    );
    const events = partialRunEvents(plan.steps, rng(plan.n + 1));
    for (let i = 0; i < events.length; i += BATCH) {
      await call(`${base}/api/v1/runs/${run.id}/events`, 'POST', { events: events.slice(i, i + BATCH) }, 200);
    }
    out.push({ nodes: plan.n, runId: run.id, events: events.length });
  }
  return out;
}

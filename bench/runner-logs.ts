// Runner log capture benchmark: `npx tsx bench/runner-logs.ts` (options: --rate 50000 --seconds 4
// --repeat 3 --port 3611). Starts the real server (PGlite in a temp dir, or DATABASE_URL's database) and the
// reference runner in this process against it, then times one step that prints `rate` lines per second for
// `seconds` (80-byte lines, paced every 10 ms by a node script; the pipe blocks it when nobody reads):
//   - direct:   the script run with `> /dev/null`, no runner (what the step costs by itself);
//   - runner, /dev/null: the same step through the runner, its output thrown away in the step itself;
//   - runner, logged: the step through the runner, every line split, masked, stamped and uploaded.
// A step slowed by capture would take longer than `seconds`. Also timed: the unpaced `seq` of 2,000,000
// lines (how fast the runner takes output in), the whole run (claim to result, the log's last batch
// stored before the result), the runner's CPU, and GET /api/v1/runs?limit=50 (p50/p95) while the logged step runs vs. while idle.
// Results: a table on stdout and bench/results/runner-logs.json; bench/README.md holds the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LogPage } from '@/lib/contract/logs';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import { routes } from '@/lib/routes';
import { runnerApi } from '@/lib/runner/api';
import { Runner } from '@/lib/runner/runner';
import { ms, percentile, ROOT, startServer } from './lib';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '4' },
    repeat: { type: 'string', default: '3' },
    port: { type: 'string', default: '3611' },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const REPEAT = Number(args.repeat);

/** Prints RATE lines a second for SECONDS, 80 bytes each, in 10 ms ticks. */
const PRODUCER = `node -e '
const rate = ${RATE}, total = ${RATE * SECONDS}, start = Date.now(); let n = 0;
const pad = "x".repeat(40);
function tick() {
  const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * rate) + Math.floor(rate / 100));
  let out = "";
  for (; n < due; n++) out += "2026-12-08T03:00:00Z INFO line " + String(n + 1).padStart(7, "0") + " " + pad + "\\n";
  if (out) require("fs").writeSync(1, out);
  if (n < total) setTimeout(tick, 10);
}
tick();'`;

const steps = {
  direct: null,
  quiet: `${PRODUCER} > /dev/null`,
  logged: PRODUCER,
  seq: 'seq 1 2000000',
} as const;
type Case = keyof typeof steps;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-bench-runner-logs-'));
const env: Record<string, string> = { FLOWDECK_DATA_DIR: path.join(work, 'db'), FLOWDECK_BLOB_DIR: path.join(work, 'blobs') };
const server = await startServer(env, Number(args.port));
const base = server.url;

async function call<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${p}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const workflows = Object.fromEntries(
  (Object.entries(steps) as [Case, string | null][])
    .filter(([, run]) => run !== null)
    .map(([name, run]) => [name, { input: { type: 'object' }, steps: [{ id: 'step', run: run ?? '' }] } satisfies WorkflowDefinition]),
);
await call('POST', routes.api.versions(), { manifest: { workflows }, label: 'bench-logs', address: 'file:///bench' });

/** Samples GET /api/v1/runs?limit=50 back to back until `stop()`; returns the latencies. */
function sampleRuns(): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let going = true;
  const loop = (async () => {
    while (going) {
      const t = performance.now();
      await (await fetch(`${base}${routes.api.runs({ limit: 50 })}`)).arrayBuffer();
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      going = false;
      await loop;
      return samples;
    },
  };
}

interface Result {
  wallMs: number;
  /** The whole run through the runner: claim, the step, its log's last batch stored, the result recorded. */
  totalMs: number;
  cpuMs: number;
  lines: number;
  cut: number;
}

/** One run of one case through the in-process runner; the step's wall time from the node output. */
async function throughRunner(name: Exclude<Case, 'direct'>): Promise<Result> {
  const run = await call<{ id: string }>('POST', routes.api.runs(), { workflow: name, groupPath: 'bench/logs', input: {} });
  const api = runnerApi({ baseUrl: base, runnerId: 'bench', leaseSeconds: 30 });
  const runner = new Runner({
    id: 'bench',
    capacity: 1,
    workDir: path.join(work, 'runner'),
    leaseSeconds: 30,
    api,
    log: () => undefined,
    once: true,
    clean: true,
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runner.run();
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const node = await call<{ output: { durationMs?: number } | null; error: { durationMs?: number } | null }>('GET', routes.api.runNode(run.id, 'step'));
  const wallMs = node.output?.durationMs ?? node.error?.durationMs ?? Number.NaN;
  const page = await call<LogPage>('GET', routes.api.runNodeLogs(run.id, 'step', { limit: 1 }));
  const info = page.attempts[0];
  return { wallMs, totalMs, cpuMs: (used.user + used.system) / 1000, lines: info?.lines ?? 0, cut: info?.truncated?.lines ?? 0 };
}

async function direct(): Promise<Result> {
  const { spawnSync } = await import('node:child_process');
  const t = performance.now();
  spawnSync('/bin/sh', ['-c', `${PRODUCER} > /dev/null`], { stdio: 'ignore' });
  const wallMs = performance.now() - t;
  return { wallMs, totalMs: wallMs, cpuMs: 0, lines: 0, cut: 0 };
}

const results: Record<string, Result[]> = { direct: [], quiet: [], logged: [], seq: [] };
const idle = sampleRuns();
await new Promise((r) => setTimeout(r, 3_000));
const idleSamples = await idle.stop();
let loadedSamples: number[] = [];
for (let i = 0; i < REPEAT; i++) {
  results.direct?.push(await direct());
  results.quiet?.push(await throughRunner('quiet'));
  const loaded = sampleRuns();
  results.logged?.push(await throughRunner('logged'));
  loadedSamples = loadedSamples.concat(await loaded.stop());
  results.seq?.push(await throughRunner('seq'));
}
await server.stop();
fs.rmSync(work, { recursive: true, force: true });

const median = (xs: number[]) => percentile(xs, 50);
const rows = (Object.keys(results) as Case[]).map((name) => {
  const rs = results[name] ?? [];
  const wall = median(rs.map((r) => r.wallMs));
  const lines = median(rs.map((r) => r.lines));
  return { name, wall, total: median(rs.map((r) => r.totalMs)), cpu: median(rs.map((r) => r.cpuMs)), lines, cut: median(rs.map((r) => r.cut)) };
});
console.log(
  `\n${RATE.toLocaleString('en-US')} lines/s for ${SECONDS} s (${REPEAT} runs each, medians), engine ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`,
);
console.log('| case | step wall time | whole run | runner CPU | lines stored | lines cut |');
for (const r of rows)
  console.log(
    `| ${r.name} | ${ms(r.wall)} | ${ms(r.total)} | ${r.cpu ? ms(r.cpu) : '-'} | ${r.lines.toLocaleString('en-US')} | ${r.cut.toLocaleString('en-US')} |`,
  );
const p = (xs: number[], q: number) => ms(percentile(xs, q));
console.log(
  `GET /api/v1/runs?limit=50: idle p50 ${p(idleSamples, 50)} p95 ${p(idleSamples, 95)} (${idleSamples.length}); during the logged step p50 ${p(loadedSamples, 50)} p95 ${p(loadedSamples, 95)} (${loadedSamples.length})`,
);
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench', 'results', 'runner-logs.json'),
  `${JSON.stringify({ at: new Date().toISOString(), rate: RATE, seconds: SECONDS, results, runsIdle: idleSamples, runsLoaded: loadedSamples }, null, 2)}\n`,
);

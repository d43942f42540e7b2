// Run-page benchmark against the peer: `npx tsx bench/run-page.ts [--samples 15] [--out bench/results/run-page.json]`.
// Starts Flowdeck in production (`flowdeck start`, its own process group, a fresh data dir, 2,000 demo runs),
// seeds through the HTTP API one run of 10, 2,000 and 10,000 steps (bench/run-page-seed.ts), then in one
// headless Chromium times, interleaved with a warm-up, navigation start → every node of the graph's first
// view drawn on Flowdeck's run page, and → every span of the trace drawn on @workflow/web's run page for a
// 10-step run (the peer: `bash bench/run-page-peer.sh setup`, then `start`; see bench/README.md). Also
// records the JS and HTML a cold load transfers and the size of GET /api/v1/runs/{id}. Prints medians and p95s.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type BrowserContext, chromium } from '@playwright/test';
import { Command, InvalidArgumentError } from 'commander';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';
import { percentile, ROOT } from './lib';
import { round, type Sample, sample, settledCount, type Target, type Transfer, transfer } from './run-page-measure';
import { seedRunPageRuns } from './run-page-seed';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
};
const opts = new Command('run-page')
  .option('--samples <n>', 'samples of each page, after the warm-up', int, 15)
  .option('--warmup <n>', 'unrecorded loads of each page first', int, 2)
  .option('--sizes <list>', 'graph sizes (steps) to seed and time', '10,2000,10000')
  .option('--port <n>', "Flowdeck's port", int, 3213)
  .option('--demo-runs <n>', 'demo runs seeded beside the benchmark runs', int, 2000)
  .option('--peer <url>', "@workflow/web's address", 'http://127.0.0.1:3456')
  .option('--peer-run <id>', "the peer's 10-step run (default: /tmp/anchors/workflow/ten-steps.runid)")
  .option('--no-peer', 'time Flowdeck only')
  .option('--out <file>', 'where to write the JSON', path.join(ROOT, 'bench/results/run-page.json'))
  .option('--keep-data', 'keep the temporary data dir')
  .parse()
  .opts<{
    samples: number;
    warmup: number;
    sizes: string;
    port: number;
    demoRuns: number;
    peer: string | false;
    peerRun?: string;
    out: string;
    keepData?: boolean;
  }>();

const sizes = opts.sizes.split(',').map(Number);
const VIEWPORT = { width: 1440, height: 900 };
// The graph's nodes: the server-drawn first view's, then React Flow's.
const GRAPH: Target = {
  sel: '.react-flow__node, [data-preview-node]',
  box: '[data-testid="run-graph"]',
  mark: '[data-testid="run-graph"][data-state="drawn"]',
};
// From shared/peers/side-by-side.mjs: the trace's spans (run, steps, waits).
const TRACE: Target = { sel: '[data-span-id]' };

/** `flowdeck start` in a process group of its own, stopped by the group; resolves once /api/v1/health answers. */
async function startFlowdeck(dataDir: string, logFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/flowdeck.mjs'), 'start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PORT: String(opts.port), HOSTNAME: '127.0.0.1', FLOWDECK_DATA_DIR: dataDir, FLOWDECK_DEMO_RUNS: String(opts.demoRuns) },
  });
  const pgid = child.pid as number;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
    if (!killed) process.kill(-pgid, 'SIGKILL');
  };
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 15 * 60_000; // a first start builds the app and seeds the demo
  for (;;) {
    if (child.exitCode !== null) throw new Error(`flowdeck exited with ${child.exitCode}: see ${logFile}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`flowdeck did not answer in 15 minutes: see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

interface Page {
  key: string;
  label: string;
  url: string;
  target: Target;
  min: number;
  samples: Sample[];
}

const stats = (xs: number[]) => ({
  n: xs.length,
  median: round(percentile(xs, 50)),
  p95: round(percentile(xs, 95)),
  min: round(Math.min(...xs)),
  max: round(Math.max(...xs)),
});
const sh = (cmd: string) => execSync(cmd, { cwd: ROOT, encoding: 'utf8' }).trim();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (n: number) => `${(n / 1024).toFixed(n < 100 * 1024 ? 1 : 0)} KB`;

const peerRun = opts.peer ? (opts.peerRun ?? fs.readFileSync('/tmp/anchors/workflow/ten-steps.runid', 'utf8').trim()) : null;
if (opts.peer) {
  const res = await fetch(`${opts.peer}/run/${peerRun}`).catch((err: Error) => err);
  if (res instanceof Error || !res.ok)
    throw new Error(`the peer does not answer at ${opts.peer}/run/${peerRun} (start it with: bash bench/run-page-peer.sh start; or pass --no-peer)`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-run-page-'));
const logFile = path.join(tmp, 'flowdeck.log');
console.log(`starting Flowdeck (data and log in ${tmp})…`);
const server = await startFlowdeck(path.join(tmp, 'db'), logFile);
const onSignal = () => void server.stop().then(() => process.exit(130));
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
const startedAt = new Date().toISOString();
const load: number[][] = [os.loadavg()];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  console.log(`seeding runs of ${sizes.join(', ')} steps through the API…`);
  const seeded = await seedRunPageRuns(server.url, sizes);
  const detail: Record<string, { bytes: number; gzipBytes: number; nodes: number }> = {};
  for (const s of seeded) {
    const body = Buffer.from(await (await fetch(`${server.url}/api/v1/runs/${s.runId}`)).arrayBuffer());
    detail[s.nodes] = {
      bytes: body.length,
      gzipBytes: zlib.gzipSync(body, { level: 6 }).length,
      nodes: (JSON.parse(body.toString()) as { nodes: unknown[] }).nodes.length,
    };
    console.log(`  ${s.nodes} steps: ${s.runId}, ${fmt(s.events)} events; GET /api/v1/runs/{id} ${kb(detail[s.nodes]?.bytes ?? 0)}`);
  }

  const ctx: Record<'flowdeck' | 'peer', BrowserContext> = {
    flowdeck: await browser.newContext({ viewport: VIEWPORT }),
    peer: await browser.newContext({ viewport: VIEWPORT }),
  };
  const pages: Page[] = seeded.map((s) => ({
    key: `flowdeck-${s.nodes}`,
    label: `Flowdeck, ${fmt(s.nodes)}-node graph`,
    url: `${server.url}/runs/${s.runId}`,
    target: GRAPH,
    min: 0,
    samples: [],
  }));
  if (peerRun)
    pages.splice(1, 0, { key: 'peer-10', label: '@workflow/web, 10-step trace', url: `${opts.peer}/run/${peerRun}`, target: TRACE, min: 0, samples: [] });
  const contextOf = (p: Page) => (p.key.startsWith('peer') ? ctx.peer : ctx.flowdeck);

  // "Drawn" means as many elements drawn in view as a settled page shows (all nodes of the first view).
  for (const p of pages) {
    const settled = await settledCount(contextOf(p), p.url, p.target);
    p.min = settled.inView;
    console.log(`${p.label}: ${settled.inView} drawn in view once settled (${settled.total} in the DOM)`);
  }
  for (let i = 0; i < opts.warmup; i++) for (const p of pages) await sample(contextOf(p), p.url, p.target, p.min);
  for (let i = 0; i < opts.samples; i++) {
    for (const p of pages) p.samples.push(await sample(contextOf(p), p.url, p.target, p.min));
    load.push(os.loadavg());
    console.log(`#${i + 1}: ${pages.map((p) => `${p.key} ${p.samples.at(-1)?.ms} ms`).join(', ')}`);
  }
  const transfers: Record<string, Transfer> = {};
  for (const p of pages) transfers[p.key] = await transfer(() => browser.newContext({ viewport: VIEWPORT }), p.url, p.target);
  load.push(os.loadavg());

  const summary = Object.fromEntries(
    pages.map((p) => {
      const marks = p.samples.flatMap((s) => (s.mark?.drawnAt ? [Number(s.mark.drawnAt)] : []));
      return [
        p.key,
        {
          label: p.label,
          inView: p.min,
          drawn: stats(p.samples.map((s) => s.ms)),
          ttfb: stats(p.samples.map((s) => s.ttfbMs)),
          ...(marks.length ? { mark: stats(marks) } : {}),
          transfer: transfers[p.key],
        },
      ];
    }),
  );
  const drawn = (key: string) => (summary[key] as { drawn: { median: number; p95: number } } | undefined)?.drawn;
  const a = drawn('flowdeck-10');
  const b = drawn('peer-10');
  const ratio = a && b ? { median: Math.round((a.median / b.median) * 100) / 100, p95: Math.round((a.p95 / b.p95) * 100) / 100 } : null;
  const targets = {
    'flowdeck-10 / peer-10 ≤ 0.5': ratio ? ratio.median <= 0.5 : null,
    'flowdeck-2000 ≤ 700 ms': drawn('flowdeck-2000') ? (drawn('flowdeck-2000')?.median ?? Infinity) <= 700 : null,
    'flowdeck-10000 ≤ 1,500 ms': drawn('flowdeck-10000') ? (drawn('flowdeck-10000')?.median ?? Infinity) <= 1_500 : null,
  };

  console.log('\n| page | in view | drawn p50 | drawn p95 | graph mark p50 | TTFB p50 | JS wire | JS gzip-6 | HTML wire | run JSON |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const p of pages) {
    const s = summary[p.key] as { drawn: { median: number; p95: number }; mark?: { median: number }; ttfb: { median: number }; transfer: Transfer };
    const size = Number(p.key.split('-')[1]);
    const json = p.key.startsWith('flowdeck') ? kb(detail[size]?.bytes ?? 0) : '';
    console.log(
      `| ${p.label} | ${p.min} | ${fmt(s.drawn.median)} ms | ${fmt(s.drawn.p95)} ms | ${s.mark ? `${fmt(s.mark.median)} ms` : ''} | ${fmt(s.ttfb.median)} ms | ${kb(s.transfer.jsWire)} | ${kb(s.transfer.jsGzip)} | ${kb(s.transfer.docWire)} | ${json} |`,
    );
  }
  if (ratio) console.log(`\nFlowdeck 10 / peer 10: ${ratio.median} (median), ${ratio.p95} (p95)`);
  for (const [name, met] of Object.entries(targets)) if (met !== null) console.log(`${name}: ${met ? 'met' : 'MISSED'} (median)`);
  const loads = load.map((l) => l[0] ?? 0);
  console.log(`load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores`);

  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: sh('git rev-parse --short HEAD'),
    dirty: sh('git status --porcelain -- app components lib').length > 0,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, chromium: browser.version(), loadavg: load },
    config: { samples: opts.samples, warmup: opts.warmup, viewport: VIEWPORT, demoRuns: opts.demoRuns, peer: opts.peer, peerRun },
    seeded,
    runDetailJson: detail,
    summary,
    ratio,
    targets,
    samples: Object.fromEntries(pages.map((p) => [p.key, p.samples])),
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`figures written to ${opts.out}`);
} finally {
  await browser.close();
  await server.stop();
  if (!opts.keepData) fs.rmSync(tmp, { recursive: true, force: true });
}

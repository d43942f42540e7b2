// Step log benchmark: `npx tsx bench/logs.ts` (options: --seconds 15 --writers 4 --batch 5000 --flood 50000
// --engines pglite,postgres --port 3611). For each engine (PGlite in a fresh temp directory; PostgreSQL in a
// fresh database it creates and drops, on DATABASE_URL's server or 127.0.0.1:5432) it starts the real server
// in a process group of its own, creates running runs through the API, then measures:
//   1. ingest: `--writers` writers, each on a step of its own, send batches of `--batch` lines (about 1 s of a
//      fast step, as the runner batches) back to back through POST /api/v1/runs/{id}/nodes/{nodeId}/logs;
//   2. GET /api/v1/runs?limit=50 latency alone, then while one writer floods one step's log at `--flood` lines/s
//      (batches of 10,000 lines, paced), against a target of p95 within 20% of the p95 alone.
// Results: a table on stdout and bench/results/logs-<engine>.json; bench/README.md explains the figures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { VersionManifest } from '@/lib/domain/manifest';
import { ms, percentile, ROOT, startServer } from './lib';
import { cores, treeCpu } from './proc-stats';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    writers: { type: 'string', default: '4' },
    batch: { type: 'string', default: '5000' },
    flood: { type: 'string', default: '50000' },
    port: { type: 'string', default: '3611' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const SECONDS = Number(args.seconds);
const WRITERS = Number(args.writers);
const BATCH = Number(args.batch);
const FLOOD = Number(args.flood);
const PORT = Number(args.port);
/** The flood's batches: the most lines one request may carry. */
const FLOOD_BATCH = 10_000;
type Engine = 'pglite' | 'postgres';

const MANIFEST: VersionManifest = {
  workflows: {
    build: {
      input: { type: 'object', properties: { n: { type: 'integer' } } },
      steps: [{ id: 'compile', run: 'make -j8' }],
    },
  },
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function request(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {};
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' && req.reusedSocket) request(method, url, body).then(resolve, reject);
      else reject(err);
    });
    req.end(payload);
  });
}

/** Refusals (503, Retry-After) of log appends past the server's write budget, by phase. */
const refused = { ingest: 0, flood: 0 };

/** Appends a batch as a runner does: on 503 it waits for Retry-After and sends the same batch again. */
async function append(url: string, body: unknown, phase: keyof typeof refused): Promise<void> {
  for (;;) {
    const res = await request('POST', url, body);
    if (res.status === 200) return;
    if (res.status !== 503) throw new Error(`POST ${url}: ${res.status} ${res.text.slice(0, 300)}`);
    refused[phase]++;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function ok(method: string, url: string, body?: unknown): Promise<any> {
  const res = await request(method, url, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text);
}

/** A line like a compiler's or a test runner's (60–120 characters). */
const lineText = (i: number) => `[${String(i).padStart(8, '0')}] compiling src/module_${i % 997}/file_${i % 31}.ts … ok (${i % 113} ms)${' '.repeat(i % 60)}`;
const linesFrom = (from: number, count: number) => {
  const ts = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({ ts, stream: i % 50 === 49 ? 'stderr' : 'stdout', text: lineText(from + i) }));
};
const bytesOf = (lines: { text: string }[]) => lines.reduce((n, l) => n + Buffer.byteLength(l.text) + 1, 0);

/** A run whose one step is running: the target of a writer. */
async function runningStep(url: string, versionId: string, n: number): Promise<string> {
  const run = await ok('POST', `${url}/api/v1/runs`, { workflow: 'build', versionId, groupPath: `bench/logs/${n}`, input: { n } });
  const at = new Date().toISOString();
  await ok('POST', `${url}/api/v1/runs/${run.id}/events`, {
    events: [
      { type: 'run_started', at },
      { type: 'node_started', at, nodeId: 'compile' },
    ],
  });
  return run.id as string;
}

interface Ingest {
  lines: number;
  bytes: number;
  requests: number;
  seconds: number;
  linesPerSecond: number;
  mbPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  serverCores: number;
  /** Appends refused (503) and sent again after Retry-After. */
  refused: number;
}

async function ingest(url: string, serverPid: number, runIds: string[]): Promise<Ingest> {
  const latencies: number[] = [];
  let lines = 0;
  let bytes = 0;
  const cpu0 = treeCpu(serverPid);
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  await Promise.all(
    runIds.map(async (runId) => {
      for (let seq = 0; performance.now() < deadline; seq++) {
        const batch = linesFrom(seq * BATCH, BATCH);
        const t = performance.now();
        await append(`${url}/api/v1/runs/${runId}/nodes/compile/logs`, { attempt: 1, seq, lines: batch }, 'ingest');
        latencies.push(performance.now() - t);
        lines += batch.length;
        bytes += bytesOf(batch);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    lines,
    bytes,
    requests: latencies.length,
    seconds,
    linesPerSecond: Math.round(lines / seconds),
    mbPerSecond: bytes / seconds / 1024 / 1024,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    serverCores: (treeCpu(serverPid) - cpu0) / seconds,
    refused: refused.ingest,
  };
}

/** GET /api/v1/runs?limit=50 back to back for `seconds`; latencies in ms. */
async function listLatencies(url: string, seconds: number): Promise<number[]> {
  const out: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const t = performance.now();
    const res = await request('GET', `${url}/api/v1/runs?limit=50`);
    if (res.status !== 200) throw new Error(`GET /api/v1/runs: ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}

interface Flood {
  linesPerSecondOffered: number;
  linesPerSecondStored: number;
  appendP95Ms: number;
  listAlone: { p50: number; p95: number; samples: number };
  listDuringFlood: { p50: number; p95: number; samples: number };
  p95Ratio: number;
  /** Flood appends refused (503) and sent again after Retry-After. */
  refused: number;
}

/** One writer sends FLOOD lines/s to one step (FLOOD_BATCH lines a request, paced) until `stop` says so. */
async function flood(url: string, runId: string, stop: () => boolean): Promise<{ lines: number; seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  const interval = (FLOOD_BATCH / FLOOD) * 1000;
  const start = performance.now();
  let lines = 0;
  for (let seq = 0; !stop(); seq++) {
    const due = start + seq * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    await append(`${url}/api/v1/runs/${runId}/nodes/compile/logs`, { attempt: 1, seq, lines: linesFrom(seq * FLOOD_BATCH, FLOOD_BATCH) }, 'flood');
    latencies.push(performance.now() - t);
    lines += FLOOD_BATCH;
  }
  return { lines, seconds: (performance.now() - start) / 1000, latencies };
}

async function floodEffect(url: string, runId: string): Promise<Flood> {
  await listLatencies(url, 2);
  const alone = await listLatencies(url, SECONDS);
  let stopped = false;
  const writer = flood(url, runId, () => stopped);
  await new Promise((r) => setTimeout(r, 1000));
  const during = await listLatencies(url, SECONDS);
  stopped = true;
  const f = await writer;
  const summary = (l: number[]) => ({ p50: percentile(l, 50), p95: percentile(l, 95), samples: l.length });
  return {
    linesPerSecondOffered: FLOOD,
    linesPerSecondStored: Math.round(f.lines / f.seconds),
    appendP95Ms: percentile(f.latencies, 95),
    listAlone: summary(alone),
    listDuringFlood: summary(during),
    p95Ratio: percentile(during, 95) / percentile(alone, 95),
    refused: refused.flood,
  };
}

async function withEngine<T>(engine: Engine, fn: (env: Record<string, string>) => Promise<T>): Promise<T> {
  // A bound far above what the window writes: every line is stored (the heavier case; past the bound lines are only counted).
  const common = { FLOWDECK_LOG_LIMIT_BYTES: String(1024 * 1024 * 1024) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbench-'));
  if (engine === 'pglite') {
    try {
      return await fn({ ...common, FLOWDECK_DATA_DIR: path.join(dir, 'db'), FLOWDECK_BLOB_DIR: path.join(dir, 'blobs') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `logbench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  try {
    const url = new URL(base);
    url.pathname = `/${database}`;
    return await fn({ ...common, DATABASE_URL: url.toString(), FLOWDECK_BLOB_DIR: path.join(dir, 'blobs') });
  } finally {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runEngine(engine: Engine): Promise<{ ingest: Ingest; flood: Flood }> {
  return withEngine(engine, async (env) => {
    const server = await startServer(env, PORT);
    try {
      const version = await ok('POST', `${server.url}/api/v1/versions`, { manifest: MANIFEST, label: 'logs-bench', address: 'http://127.0.0.1:9/logs-bench' });
      // Some runs in the list, as on a used install (the list reads 50 of them).
      for (let i = 0; i < 200; i++)
        await ok('POST', `${server.url}/api/v1/runs`, { workflow: 'build', versionId: version.id, groupPath: 'bench/list', input: { n: i } });
      const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => runningStep(server.url, version.id, i)));
      // Warm-up: one batch a writer (not measured).
      for (const runId of writers)
        await append(`${server.url}/api/v1/runs/${runId}/nodes/compile/logs`, { attempt: 2, seq: 0, lines: linesFrom(0, BATCH) }, 'ingest');
      refused.ingest = 0;
      process.stdout.write(`  ${engine}: ingest… `);
      const measured = await ingest(server.url, server.pid, writers);
      console.log(`${measured.linesPerSecond.toLocaleString('en-US')} lines/s, ${measured.mbPerSecond.toFixed(1)} MB/s`);
      process.stdout.write(`  ${engine}: runs list alone, then during a ${FLOOD.toLocaleString('en-US')} lines/s flood… `);
      const flooded = await floodEffect(server.url, await runningStep(server.url, version.id, 999));
      console.log(`p95 ${ms(flooded.listAlone.p95)} → ${ms(flooded.listDuringFlood.p95)} (${flooded.p95Ratio.toFixed(2)}×)`);
      return { ingest: measured, flood: flooded };
    } finally {
      await server.stop();
    }
  });
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const engines = args.engines.split(',') as Engine[];
const rows: string[] = [];
console.log(`log benchmark: ${WRITERS} writers × ${BATCH} lines a batch, ${SECONDS} s windows, flood ${FLOOD} lines/s, ${cores()} cores`);
for (const engine of engines) {
  const started = new Date().toISOString();
  const load = os.loadavg();
  refused.ingest = 0;
  refused.flood = 0;
  const r = await runEngine(engine);
  const out = { engine, date: started, commit: gitCommit(), writers: WRITERS, batch: BATCH, seconds: SECONDS, loadAverageAtStart: load, ...r };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results', `logs-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  const i = r.ingest;
  const f = r.flood;
  rows.push(
    `| ${engine} | ${i.linesPerSecond.toLocaleString('en-US')} | ${i.mbPerSecond.toFixed(1)} | ${ms(i.latencyMs.p50)} | ${ms(i.latencyMs.p95)} | ${i.refused} | ` +
      `${f.linesPerSecondStored.toLocaleString('en-US')} | ${f.refused} | ${ms(f.listAlone.p95)} | ${ms(f.listDuringFlood.p95)} | ${f.p95Ratio.toFixed(2)}× | ${f.p95Ratio <= 1.2 ? 'met' : '**missed**'} |`,
  );
}
agent.destroy();
console.log(
  [
    '',
    '| engine | lines/s | MB/s | append p50 | append p95 | refused | flood stored lines/s | flood refused | runs p95 alone | runs p95 flooded | ratio | ≤ 1.2× |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('\n'),
);

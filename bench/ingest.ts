// Ingest throughput benchmark: `npx tsx bench/ingest.ts` (options: --seconds 20 --warmup 4 --clients 8
// --engines pglite,postgres --configs 1,10,50,200 --port 3601). For each engine (PGlite in a fresh temp
// directory; PostgreSQL in a fresh database it creates and drops, on DATABASE_URL's server or 127.0.0.1:5432)
// it starts the real server, registers a version through the API, creates runs and drives their event streams
// through POST /api/v1/runs/{id}/events from several clients at once, each on its own run. Batches up to 50
// use the 16-step `ci` workflow, larger ones the 96-step `release-matrix`. Results: a table on stdout and
// bench/results/ingest-<engine>.json; bench/README.md explains the figures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RunEvent } from '@/lib/domain/run-machine';
import { MANIFEST, rng, runEvents, type WorkflowName } from './ingest-workload';
import { ms, percentile, ROOT, startServer } from './lib';
import { cores, machineCpu, postgresBackendCpu, treeCpu } from './proc-stats';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '4' },
    clients: { type: 'string', default: '8' },
    port: { type: 'string', default: '3601' },
    engines: { type: 'string', default: 'pglite,postgres' },
    configs: { type: 'string', default: '1,10,50,200' },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const CLIENTS = Number(args.clients);
const PORT = Number(args.port);
const TARGETS = { pglite: 3_000, postgres: 10_000 } as const;
type Engine = keyof typeof TARGETS;

interface Config {
  batch: number;
  workflow: WorkflowName;
}
const CONFIGS: Config[] = args.configs.split(',').map((b) => ({ batch: Number(b), workflow: Number(b) > 50 ? 'release-matrix' : 'ci' }));

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 8 });

/**
 * POSTs JSON over a kept-alive connection; resolves with the status and the parsed body. A request on a
 * reused connection that the server had just closed as idle (ECONNRESET before any response) is sent again.
 */
function post(url: string, body: unknown, payload = Buffer.from(JSON.stringify(body))): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text });
        }
      });
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' && req.reusedSocket) post(url, body, payload).then(resolve, reject);
      else reject(err);
    });
    req.end(payload);
  });
}

async function postOk(url: string, body: unknown, status = 200): Promise<any> {
  const res = await post(url, body);
  if (res.status !== status) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

/** Runs `count` jobs `parallel` at a time. */
async function inParallel(count: number, parallel: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

interface Planned {
  id: string;
  events: RunEvent[];
}

/** Creates runs through the API and plans each one's event stream (not measured). */
async function createRuns(url: string, versionId: string, config: Config, count: number, seed: number): Promise<Planned[]> {
  const random = rng(seed);
  const streams = Array.from({ length: count }, () => runEvents(config.workflow, random));
  const out: Planned[] = new Array(count);
  await inParallel(count, 4, async (i) => {
    const run = await postOk(
      `${url}/api/v1/runs`,
      { workflow: config.workflow, versionId, groupPath: `bench/ingest/b${config.batch}`, input: { branch: 'main', commit: `c${i}` } },
      201,
    );
    out[i] = { id: run.id, events: streams[i] as RunEvent[] };
  });
  return out;
}

interface Window {
  seconds: number;
  runs: number;
  requests: number;
  events: number;
  latencies: number[];
}

/** CLIENTS clients each take the next planned run and send its events in batches until `seconds` have passed or runs run out. */
async function drive(url: string, planned: Planned[], batch: number, seconds: number): Promise<Window> {
  const latencies: number[] = [];
  let events = 0;
  let runs = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline && next < planned.length) {
        const run = planned[next++] as Planned;
        runs += 1;
        for (let i = 0; i < run.events.length && performance.now() < deadline; i += batch) {
          const chunk = run.events.slice(i, i + batch);
          const t = performance.now();
          await postOk(`${url}/api/v1/runs/${run.id}/events`, { events: chunk });
          latencies.push(performance.now() - t);
          events += chunk.length;
        }
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, runs, requests: latencies.length, events, latencies };
}

interface Measured {
  batch: number;
  workflow: WorkflowName;
  eventsPerRun: number;
  eventsPerRequest: number;
  seconds: number;
  runs: number;
  requests: number;
  events: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** CPU used during the window: cores busy on average, and CPU milliseconds per 1,000 events (load-independent cost). */
  cpu: {
    serverCores: number;
    postgresCores: number | null;
    clientCores: number;
    machineBusy: number;
    serverMsPer1kEvents: number;
    postgresMsPer1kEvents: number | null;
  };
  loadAverage: { start: number; end: number };
  note?: string;
}

async function measure(
  engine: Engine,
  url: string,
  serverPid: number,
  database: string | null,
  versionId: string,
  config: Config,
  seed: number,
): Promise<Measured> {
  // Warm up on a small batch of runs (JIT, caches, connection pool) and estimate the rate to size the window's runs.
  const warmEvents = config.batch === 1 ? 1_500 : 6_000;
  const warmRuns = await createRuns(url, versionId, config, Math.max(CLIENTS * 2, Math.ceil(warmEvents / (config.workflow === 'ci' ? 34 : 200))), seed);
  const warm = await drive(url, warmRuns, config.batch, WARMUP);
  const perRun = warmRuns.reduce((n, r) => n + r.events.length, 0) / warmRuns.length;
  // Twice the warm-up's rate: the server gets faster once warm, and a window that runs out of runs ends early.
  const needed = Math.min(60_000, Math.ceil(((warm.events / warm.seconds) * SECONDS * 2) / perRun) + CLIENTS * 4);
  process.stdout.write(`  ${engine} batch ${config.batch}: warm-up ${Math.round(warm.events / warm.seconds)} ev/s; creating ${needed} runs… `);
  const planned = await createRuns(url, versionId, config, needed, seed + 1);
  process.stdout.write('measuring… ');

  const load0 = os.loadavg()[0] as number;
  const [server0, pg0, machine0, client0] = [treeCpu(serverPid), database ? postgresBackendCpu(database) : 0, machineCpu(), process.cpuUsage()];
  const w = await drive(url, planned, config.batch, SECONDS);
  const [server1, pg1, machine1, client1] = [treeCpu(serverPid), database ? postgresBackendCpu(database) : 0, machineCpu(), process.cpuUsage(client0)];
  const load1 = os.loadavg()[0] as number;

  const result: Measured = {
    batch: config.batch,
    workflow: config.workflow,
    eventsPerRun: Math.round(perRun * 10) / 10,
    eventsPerRequest: Math.round((w.events / w.requests) * 10) / 10,
    seconds: Math.round(w.seconds * 100) / 100,
    runs: w.runs,
    requests: w.requests,
    events: w.events,
    eventsPerSecond: Math.round(w.events / w.seconds),
    requestsPerSecond: Math.round(w.requests / w.seconds),
    latencyMs: { p50: percentile(w.latencies, 50), p95: percentile(w.latencies, 95), p99: percentile(w.latencies, 99), max: Math.max(...w.latencies) },
    cpu: {
      serverCores: (server1 - server0) / w.seconds,
      postgresCores: database ? (pg1 - pg0) / w.seconds : null,
      clientCores: (client1.user + client1.system) / 1e6 / w.seconds,
      machineBusy: machine1.total > machine0.total ? (machine1.busy - machine0.busy) / (machine1.total - machine0.total) : 0,
      serverMsPer1kEvents: ((server1 - server0) * 1e6) / w.events,
      postgresMsPer1kEvents: database ? ((pg1 - pg0) * 1e6) / w.events : null,
    },
    loadAverage: { start: load0, end: load1 },
    ...(w.seconds < SECONDS * 0.95 ? { note: `the planned runs ran out after ${w.seconds.toFixed(1)} s` } : {}),
  };
  console.log(`${result.eventsPerSecond} ev/s, p99 ${ms(result.latencyMs.p99)}`);
  return result;
}

async function withEngine<T>(engine: Engine, fn: (env: Record<string, string>, database: string | null) => Promise<T>): Promise<T> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingbench-'));
    try {
      return await fn({ FLOWDECK_DATA_DIR: path.join(dir, 'db'), FLOWDECK_BLOB_DIR: path.join(dir, 'blobs') }, null);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `ingbench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingbench-'));
  try {
    const url = new URL(base);
    url.pathname = `/${database}`;
    return await fn({ DATABASE_URL: url.toString(), FLOWDECK_BLOB_DIR: path.join(dir, 'blobs') }, database);
  } finally {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** GETs a URL over a kept-alive connection and drains the answer. */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' && req.reusedSocket ? get(url).then(resolve, reject) : reject(err)));
  });
}

interface Floor {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  serverCpuMsPerRequest: number;
}

/** The server's fixed cost per request: CLIENTS clients calling GET /api/v1/health (no store work) for 5 s. */
async function floor(url: string, serverPid: number): Promise<Floor> {
  for (let i = 0; i < 200; i++) await get(`${url}/api/v1/health`);
  const latencies: number[] = [];
  const cpu0 = treeCpu(serverPid);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() - start < 5_000) {
        const t = performance.now();
        if ((await get(`${url}/api/v1/health`)) !== 200) throw new Error('health check failed');
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const result = {
    requestsPerSecond: Math.round(latencies.length / seconds),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    serverCpuMsPerRequest: ((treeCpu(serverPid) - cpu0) * 1000) / latencies.length,
  };
  console.log(`  floor (GET /api/v1/health): ${result.requestsPerSecond} requests/s, ${result.serverCpuMsPerRequest.toFixed(2)} ms server CPU per request`);
  return result;
}

async function runEngine(engine: Engine): Promise<{ floor: Floor; results: Measured[] }> {
  return withEngine(engine, async (env, database) => {
    const server = await startServer(env, PORT);
    try {
      const version = await postOk(
        `${server.url}/api/v1/versions`,
        { manifest: MANIFEST, label: 'ingest-bench', address: 'http://127.0.0.1:9/ingest-bench' },
        201,
      );
      const base = await floor(server.url, server.pid);
      const results: Measured[] = [];
      for (const [i, config] of CONFIGS.entries()) results.push(await measure(engine, server.url, server.pid, database, version.id, config, 1000 * (i + 1)));
      return { floor: base, results };
    } finally {
      await server.stop();
    }
  });
}

function table(engine: Engine, results: Measured[]): string {
  const target = TARGETS[engine];
  const pg = engine === 'postgres';
  const lines = [
    `| ${engine} | events/request | events/s | ≥ ${target.toLocaleString('en-US')} | p50 | p95 | p99 | server CPU | ${pg ? 'PG CPU | ' : ''}client CPU | CPU ms / 1k events | machine busy | load avg |`,
    `|---|---|---|---|---|---|---|---|${pg ? '---|' : ''}---|---|---|---|`,
  ];
  for (const r of results) {
    const perK = r.cpu.serverMsPer1kEvents + (r.cpu.postgresMsPer1kEvents ?? 0);
    lines.push(
      [
        `batch ${r.batch} (${r.workflow})`,
        r.eventsPerRequest,
        r.eventsPerSecond.toLocaleString('en-US'),
        r.eventsPerSecond >= target ? 'met' : '**missed**',
        ms(r.latencyMs.p50),
        ms(r.latencyMs.p95),
        ms(r.latencyMs.p99),
        `${r.cpu.serverCores.toFixed(2)} cores`,
        ...(pg ? [`${(r.cpu.postgresCores ?? 0).toFixed(2)} cores`] : []),
        `${r.cpu.clientCores.toFixed(2)} cores`,
        pg ? `${Math.round(perK)} (${Math.round(r.cpu.serverMsPer1kEvents)} + ${Math.round(r.cpu.postgresMsPer1kEvents ?? 0)})` : Math.round(perK),
        `${Math.round(r.cpu.machineBusy * 100)}%`,
        `${r.loadAverage.start.toFixed(1)}–${r.loadAverage.end.toFixed(1)}`,
      ]
        .join(' | ')
        .replace(/^/, '| ') + ' |',
    );
  }
  return lines.join('\n');
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const engines = args.engines.split(',') as Engine[];
const summaries: string[] = [];
console.log(
  `ingest benchmark: ${CLIENTS} clients, ${SECONDS} s per configuration, ${cores()} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const engine of engines) {
  const started = new Date().toISOString();
  const load = os.loadavg();
  const { floor: base, results } = await runEngine(engine);
  const machine = { cores: cores(), cpu: os.cpus()[0]?.model ?? '', node: process.version, loadAverageAtStart: load };
  const out = {
    engine,
    date: started,
    commit: gitCommit(),
    clients: CLIENTS,
    seconds: SECONDS,
    machine,
    targetEventsPerSecond: TARGETS[engine],
    floor: base,
    results,
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results', `ingest-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  summaries.push(
    `${table(engine, results)}\n\nfloor, GET /api/v1/health: ${base.requestsPerSecond} requests/s, p50 ${ms(base.latencyMs.p50)}, ${base.serverCpuMsPerRequest.toFixed(2)} ms server CPU per request`,
  );
}
agent.destroy();
console.log(
  `\n${summaries.join('\n\n')}\n\nload average after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

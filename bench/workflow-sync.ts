// Workflow SDK connector benchmark: `npx tsx bench/workflow-sync.ts [--runs 10000] [--world local|postgres|both]
// [--follow-seconds 60]` (also --store pglite|postgres|both, --rate 2, --follow-background 1|0, --phases import,follow,
// --profile DIR: CPU profiles of the connector and the server).
//
// 1. Import: a world-local directory and a world-postgres database of `--runs` runs, written by the SDK's own
//    code (bench/workflow-sync-worlds.ts, cached by size), each imported by `flowdeck sync workflow --once` into
//    a fresh Flowdeck server (PGlite; PostgreSQL too); wall time, runs/s, events/s, the CPU of the connector's
//    process tree and of the server's; the run count the API reports; a second `--once` (all unchanged).
// 2. Follow: the example app on each world, the connector following it, `processOrder` runs started at `--rate`
//    per second for `--follow-seconds`; per run, start response → the run in GET /api/v1/runs (and, for
//    world-local, once more with the `--runs` world copied into the app's data dir first).
// Every server and CLI runs in a process group of its own and is stopped by group. Results: a table on
// stdout and bench/results/workflow-sync-<world>.json; bench/README.md explains the figures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib';
import { cores, machineCpu, treeCpu } from './proc-stats';
import { type FollowResult, measureFollow } from './workflow-sync-follow';
import { atStop, ensureBuild, getJson, runCli, sampleBackends, startFlowdeck, stopAll, throwawayDatabase } from './workflow-sync-procs';
import { type Generated, localWorld, postgresWorld } from './workflow-sync-worlds';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    world: { type: 'string', default: 'both' },
    store: { type: 'string', default: 'both' },
    'follow-seconds': { type: 'string', default: '60' },
    rate: { type: 'string', default: '2' },
    'follow-background': { type: 'string', default: '1' },
    profile: { type: 'string' },
    phases: { type: 'string', default: 'import,follow' },
  },
});
const PHASES = new Set(args.phases.split(','));
const RUNS = Number(args.runs);
const WORLDS = (args.world === 'both' ? ['local', 'postgres'] : [args.world]) as World[];
const STORES = (args.store === 'both' ? ['pglite', 'postgres'] : [args.store]) as Store[];
const FOLLOW_SECONDS = Number(args['follow-seconds']);
const RATE = Number(args.rate);
const PG_BASE = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET = { importSeconds: 60, importRuns: 10_000, followP95Ms: 2_000 };
type World = 'local' | 'postgres';
type Store = 'pglite' | 'postgres';

interface Summary {
  runs: { imported: number; updated: number; unchanged: number; skipped: number };
  events: { imported: number; updated: number; unchanged: number; skipped: number };
  skipped: { runId: string; reason: string }[];
}

interface ImportMeasured {
  world: World;
  store: Store;
  runs: number;
  events: number;
  seconds: number;
  runsPerSecond: number;
  eventsPerSecond: number;
  /** CPU seconds: the connector's whole process tree (launcher, tsx, connector), the server's, PostgreSQL's. */
  cpu: { connector: number; server: number; storePostgres: number | null; worldPostgres: number | null; machineBusy: number };
  countTotal: number;
  second: { seconds: number; unchanged: number; connectorCpu: number; serverCpu: number };
  loadAverage: [number, number];
  problems: string[];
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const profileOpts = (name: string) => (args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile, name)}`] : []);

/** A fresh Flowdeck on `store`, one `sync --once` of the world into it, the count check, and a second `--once`. */
async function importOnce(world: World, store: Store, worldArgs: string[], worldDb: string | null, expected: number): Promise<ImportMeasured> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsbench-store-'));
  const storeDb = store === 'postgres' ? await throwawayDatabase(PG_BASE, 'wsbench_store') : null;
  const forget = atStop(async () => storeDb?.drop());
  try {
    const fd = await startFlowdeck({ dataDir: tmp, databaseUrl: storeDb?.url }, profileOpts(`${world}-${store}-server`));
    try {
      const source = world === 'local' ? 'workflow-local' : 'workflow-postgres';
      const cli = ['sync', 'workflow', '--world', world, ...worldArgs, '--once', '--json'];
      const load0 = os.loadavg()[0] as number;
      const [storePg, worldPg] = [storeDb ? sampleBackends(storeDb.name) : null, worldDb ? sampleBackends(worldDb) : null];
      const [s0, m0] = [treeCpu(fd.group.pid), machineCpu()];
      const first = await runCli(cli, fd.url, profileOpts(`${world}-${store}-connector`));
      const [s1, m1, storePgCpu, worldPgCpu] = [treeCpu(fd.group.pid), machineCpu(), storePg?.stop() ?? 0, worldPg?.stop() ?? 0];
      if (first.code !== 0) throw new Error(`sync --once exited ${first.code}: ${first.stdout.slice(-2000)}`);
      const summary = JSON.parse(first.stdout) as Summary;
      const counts = await getJson<{ total: number }>(`${fd.url}/api/v1/runs/counts?source=${source}`);
      const second = await runCli(cli, fd.url);
      const s2 = treeCpu(fd.group.pid);
      const again = JSON.parse(second.stdout) as Summary;
      const problems: string[] = [];
      if (summary.runs.imported !== expected) problems.push(`first pass imported ${summary.runs.imported} runs, not ${expected}`);
      if (counts.total !== expected) problems.push(`GET /api/v1/runs/counts?source=${source} total ${counts.total}, not ${expected}`);
      if (again.runs.unchanged !== expected) problems.push(`second pass: ${again.runs.unchanged} unchanged, not ${expected}`);
      for (const s of summary.skipped.slice(0, 5)) problems.push(`skipped ${s.runId}: ${s.reason}`);
      const events = summary.events.imported;
      return {
        world,
        store,
        runs: summary.runs.imported,
        events,
        seconds: round(first.seconds),
        runsPerSecond: Math.round(summary.runs.imported / first.seconds),
        eventsPerSecond: Math.round(events / first.seconds),
        cpu: {
          connector: round(first.cpu),
          server: round(s1 - s0),
          storePostgres: storeDb ? round(storePgCpu) : null,
          worldPostgres: worldDb ? round(worldPgCpu) : null,
          machineBusy: m1.total > m0.total ? round((m1.busy - m0.busy) / (m1.total - m0.total)) : 0,
        },
        countTotal: counts.total,
        second: { seconds: round(second.seconds), unchanged: again.runs.unchanged, connectorCpu: round(second.cpu), serverCpu: round(s2 - s1) },
        loadAverage: [load0, os.loadavg()[0] as number],
        problems,
      };
    } finally {
      await fd.stop();
    }
  } finally {
    await storeDb?.drop();
    forget();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

interface WorldResult {
  world: World;
  date: string;
  commit: string;
  machine: { cores: number; cpu: string; node: string; loadAverageAtStart: number[] };
  generated: Generated & { cached: boolean };
  cliStart: { seconds: number; cpu: number };
  imports: ImportMeasured[];
  follow: FollowResult[];
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function runWorld(world: World): Promise<WorldResult> {
  const load = os.loadavg();
  console.log(`\n== world-${world}: ${RUNS.toLocaleString('en-US')} runs`);
  const t = performance.now();
  let generated: WorldResult['generated'];
  let worldArgs: string[];
  let worldDb: Awaited<ReturnType<typeof throwawayDatabase>> | null = null;
  let localDir = '';
  if (world === 'local') {
    const w = await localWorld(RUNS);
    generated = { ...w.meta, cached: w.cached };
    localDir = w.dataDir;
    worldArgs = ['--data-dir', w.dataDir];
  } else {
    const db = await throwawayDatabase(PG_BASE, 'wsbench_world');
    worldDb = db;
    atStop(() => db.drop());
    const w = await postgresWorld(worldDb.url, RUNS);
    generated = { ...w.meta, cached: w.cached };
    worldArgs = ['--database-url', worldDb.url];
  }
  const ready = (performance.now() - t) / 1000;
  console.log(
    generated.cached
      ? `  world from the cache in ${ready.toFixed(1)} s (generating it took ${generated.seconds.toFixed(0)} s: ${generated.events.toLocaleString('en-US')} events)`
      : `  generated in ${generated.seconds.toFixed(0)} s: ${generated.events.toLocaleString('en-US')} events`,
  );
  const start = await runCli(['sync', 'workflow', '--help'], 'http://127.0.0.1:9');
  console.log(`  CLI start (\`flowdeck sync workflow --help\`): ${start.seconds.toFixed(2)} s, ${start.cpu.toFixed(2)} s CPU`);
  const imports: ImportMeasured[] = [];
  try {
    for (const store of PHASES.has('import') ? STORES : []) {
      process.stdout.write(`  import into a fresh Flowdeck on ${store}… `);
      const r = await importOnce(world, store, worldArgs, worldDb?.name ?? null, RUNS);
      imports.push(r);
      console.log(
        `${r.seconds} s, ${r.runsPerSecond} runs/s, ${r.eventsPerSecond} events/s; CPU connector ${r.cpu.connector} s, server ${r.cpu.server} s; second pass ${r.second.seconds} s${r.problems.length ? `; PROBLEMS: ${r.problems.join('; ')}` : ''}`,
      );
    }
  } finally {
    await worldDb?.drop();
  }
  const follow: FollowResult[] = [];
  if (FOLLOW_SECONDS > 0 && PHASES.has('follow')) {
    const variants = [undefined, ...(world === 'local' && args['follow-background'] === '1' ? [{ dataDir: localDir, runs: RUNS }] : [])];
    for (const background of variants) {
      process.stdout.write(
        `  follow: the example app on world-${world}${background ? ` holding ${RUNS} more runs` : ''}, ${RATE} runs/s for ${FOLLOW_SECONDS} s…\n`,
      );
      const f = await measureFollow({ world, seconds: FOLLOW_SECONDS, rate: RATE, background, postgresBase: PG_BASE });
      follow.push(f);
      console.log(
        `    first pass ${f.initialPassSeconds.toFixed(1)} s; ${f.seen}/${f.started} seen; p50 ${f.latencyMs.p50.toFixed(0)} ms, p95 ${f.latencyMs.p95.toFixed(0)} ms, max ${f.latencyMs.max.toFixed(0)} ms (connector log: p50 ${f.importedLogMs.p50.toFixed(0)}, p95 ${f.importedLogMs.p95.toFixed(0)}); CPU: connector ${f.cpu.connectorCores.toFixed(2)} cores, server ${f.cpu.serverCores.toFixed(2)}, app ${f.cpu.appCores.toFixed(2)}, machine ${Math.round(f.cpu.machineBusy * 100)}% busy`,
      );
    }
  }
  return {
    world,
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cores: cores(), cpu: os.cpus()[0]?.model ?? '', node: process.version, loadAverageAtStart: load },
    generated,
    cliStart: { seconds: round(start.seconds), cpu: round(start.cpu) },
    imports,
    follow,
  };
}

function table(results: WorldResult[]): string {
  const lines = [
    '| world | store | runs | events | wall s | runs/s | events/s | connector CPU s | server CPU s | second pass s | follow p50 / p95 / max | target | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const fmt = (n: number) => n.toLocaleString('en-US');
  for (const r of results) {
    for (const i of r.imports) {
      const pg = [i.cpu.storePostgres !== null ? `store PG ${i.cpu.storePostgres}` : '', i.cpu.worldPostgres !== null ? `world PG ${i.cpu.worldPostgres}` : '']
        .filter(Boolean)
        .join(', ');
      const met = i.seconds <= TARGET.importSeconds && i.problems.length === 0;
      lines.push(
        `| ${r.world} | ${i.store} | ${fmt(i.runs)} | ${fmt(i.events)} | ${i.seconds} | ${fmt(i.runsPerSecond)} | ${fmt(i.eventsPerSecond)} | ${i.cpu.connector} | ${i.cpu.server}${pg ? ` (${pg})` : ''} | ${i.second.seconds} | | ≤ ${TARGET.importSeconds} s | ${met ? 'met' : '**missed**'} |`,
      );
    }
    const late = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '> 30 s');
    for (const f of r.follow) {
      const met = f.latencyMs.p95 <= TARGET.followP95Ms && f.seen === f.started;
      const label = f.backgroundRuns ? `${r.world} + ${fmt(f.backgroundRuns)} runs` : r.world;
      lines.push(
        `| ${label} | pglite | ${f.seen}/${f.started} followed | | | | | ${f.cpu.connectorCores.toFixed(2)} cores | ${f.cpu.serverCores.toFixed(2)} cores | | ${late(f.latencyMs.p50)} / ${late(f.latencyMs.p95)} / ${late(f.latencyMs.max)} ms | p95 ≤ ${TARGET.followP95Ms} ms | ${met ? 'met' : '**missed**'} |`,
      );
    }
  }
  return lines.join('\n');
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'unhandledRejection'] as const) {
  process.once(sig, (reason: unknown) => {
    interrupted = true;
    if (sig === 'unhandledRejection') console.error(reason);
    void stopAll().finally(() => process.exit(sig === 'unhandledRejection' ? 1 : 130));
  });
}

ensureBuild();
console.log(
  `workflow-sync benchmark: ${RUNS} runs, worlds ${WORLDS.join(', ')}, stores ${STORES.join(', ')}, ${cores()} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const results: WorldResult[] = [];
try {
  for (const world of WORLDS) {
    const r = await runWorld(world);
    results.push(r);
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results', `workflow-sync-${world}.json`), `${JSON.stringify({ runs: RUNS, target: TARGET, ...r }, null, 2)}\n`);
  }
} finally {
  if (!interrupted) await stopAll();
}
console.log(
  `\n${table(results)}\n\nload average after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

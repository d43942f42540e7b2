// Follow latency for bench/workflow-sync.ts: the example app (examples/workflow-sdk) running on a world,
// `flowdeck sync workflow` following it (default interval), and runs started in the app at a steady rate;
// per run, the time from the app's start response to the run in Flowdeck's run list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWorkflowApp, type WorkflowApp } from '../e2e/fixtures/workflow-app';
import { percentile, ROOT } from './lib';
import { machineCpu, treeCpu } from './proc-stats';
import { atStop, cleanEnv, getJson, spawnGroup, startFlowdeck, throwawayDatabase } from './workflow-sync-procs';

export interface FollowOptions {
  world: 'local' | 'postgres';
  seconds: number;
  /** Runs started per second. */
  rate: number;
  /** world-local: a data dir whose runs are copied into the app's before the connector starts (a large world). */
  background?: { dataDir: string; runs: number };
  postgresBase: string;
}

export interface FollowResult {
  world: 'local' | 'postgres';
  backgroundRuns: number;
  seconds: number;
  rate: number;
  started: number;
  seen: number;
  /** Start response → first list poll that shows the run (the list is polled every POLL_MS); a run not seen within 30 s of the last start counts as infinitely late (null in the JSON). */
  latencyMs: { p50: number; p95: number; max: number; min: number };
  /** Start response → the connector's log line saying it imported the run (no polling in between; not logged: infinitely late). */
  importedLogMs: { p50: number; p95: number; max: number };
  pollMs: number;
  /** The connector's first pass over what the world already held, before following. */
  initialPassSeconds: number;
  /** Cores used while measuring: the connector's process tree, Flowdeck's server, the example app's server, the whole machine (share busy). */
  cpu: { connectorCores: number; serverCores: number; appCores: number; machineBusy: number };
  loadAverage: [number, number];
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: xs.length ? Math.max(...xs) : Number.NaN });

/** The app's server process: the one whose environment points the world's queue at the app's URL (the fixture sets it). */
function appPid(url: string): number {
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`WORKFLOW_LOCAL_BASE_URL=${url}`)) return Number(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return 0;
}

/** Copies a cached world-local directory's entities into a running app's data dir (files only; same flat layout). */
function copyWorld(from: string, to: string): void {
  for (const dir of ['runs', 'events', 'steps', 'waits', 'hooks']) {
    if (fs.existsSync(path.join(from, dir))) fs.cpSync(path.join(from, dir), path.join(to, dir), { recursive: true, force: false });
  }
}

export async function measureFollow(o: FollowOptions): Promise<FollowResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsbench-follow-'));
  const db = o.world === 'postgres' ? await throwawayDatabase(o.postgresBase, 'wsbench_follow') : null;
  let app: WorkflowApp | null = null;
  const stops: (() => Promise<void>)[] = [];
  const forget = atStop(async () => {
    await app?.stop();
    await db?.drop();
  });
  try {
    app = await startWorkflowApp(o.world === 'local' ? { world: 'local' } : { world: 'postgres', postgresUrl: db!.url });
    if (o.background) {
      const t = performance.now();
      copyWorld(o.background.dataDir, app.dataDir as string);
      console.log(`    copied ${o.background.runs} runs into the app's data dir in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const fd = await startFlowdeck({ dataDir: tmp });
    stops.push(() => fd.stop());
    const source = o.world === 'local' ? 'workflow-local' : 'workflow-postgres';
    const worldArgs = o.world === 'local' ? ['--data-dir', app.dataDir as string] : ['--database-url', db!.url];
    const t0 = performance.now();
    const sync = spawnGroup(
      process.execPath,
      [path.join(ROOT, 'bin/flowdeck.mjs'), 'sync', 'workflow', '--world', o.world, ...worldArgs, '--app-url', app.url],
      {
        env: { ...cleanEnv(), FLOWDECK_URL: fd.url },
      },
    );
    stops.unshift(() => sync.stop());
    while (!sync.stdout().includes(' following ')) {
      if (sync.child.exitCode !== null) throw new Error(`sync exited: ${sync.output().slice(-2000)}`);
      if (performance.now() - t0 > 900_000) throw new Error('sync did not finish its first pass in 15 minutes');
      await sleep(100);
    }
    const initialPassSeconds = (performance.now() - t0) / 1000;

    // Start runs, and poll the list for Flowdeck ids not seen before; resolve each new one to its engine id.
    const startedAt = new Map<string, { perf: number; wall: number }>();
    const appearedAt = new Map<string, number>();
    const seenIds = new Set<string>();
    let polling = true;
    let pollError: Error | null = null;
    const poller = (async () => {
      while (polling) {
        if (fd.group.child.exitCode !== null || fd.group.child.signalCode !== null)
          throw new Error(`the Flowdeck server stopped: ${fd.group.output().slice(-3000)}`);
        const t = performance.now();
        const page = await getJson<{ items: { id: string }[] }>(`${fd.url}/api/v1/runs?source=${source}&limit=20`);
        const at = performance.now();
        for (const item of page.items) {
          if (seenIds.has(item.id)) continue;
          seenIds.add(item.id);
          const run = await getJson<{ externalId: string | null }>(`${fd.url}/api/v1/runs/${item.id}`);
          if (run.externalId) appearedAt.set(run.externalId, at);
        }
        await sleep(Math.max(0, POLL_MS - (performance.now() - t)));
      }
    })().catch(async (err: Error) => {
      await sleep(500); // let an exit be seen
      pollError = new Error(`polling the Flowdeck server failed: ${err.message}\n${fd.group.output().slice(-3000)}`);
    });
    const startFailures: string[] = [];
    const startRuns = async (count: number, label: string) => {
      const first = performance.now();
      const pending: Promise<void>[] = [];
      for (let k = 0; k < count && startFailures.length < 5; k++) {
        if (pollError) throw pollError;
        await sleep(Math.max(0, first + (k * 1000) / o.rate - performance.now()));
        pending.push(
          app!.startRun('processOrder', [`${label}_${k}`]).then(
            (runId) => void startedAt.set(runId, { perf: performance.now(), wall: Date.now() }),
            (err: Error) => void startFailures.push(err.message),
          ),
        );
      }
      await Promise.all(pending);
      if (startFailures.length) throw new Error(`the app refused runs (${startFailures.slice(0, 3).join('; ')}); its log ends:\n${app!.log().slice(-3000)}`);
    };
    const waitSeen = async (ids: string[], ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until && ids.some((id) => !appearedAt.has(id))) {
        if (pollError) throw pollError;
        await sleep(50);
      }
    };

    await startRuns(Math.max(2, Math.round(o.rate * 5)), 'warm'); // warm-up, not counted
    await waitSeen([...startedAt.keys()], 30_000);
    const warm = new Set(startedAt.keys());
    const load0 = os.loadavg()[0] as number;
    const app0 = appPid(app.url);
    const [c0, s0, a0, m0] = [treeCpu(sync.pid), treeCpu(fd.group.pid), app0 ? treeCpu(app0) : 0, machineCpu()];
    const tMeasure = performance.now();
    await startRuns(Math.round(o.rate * o.seconds), 'follow');
    const measured = [...startedAt.keys()].filter((id) => !warm.has(id));
    await waitSeen(measured, 30_000);
    const elapsed = (performance.now() - tMeasure) / 1000;
    const [c1, s1, a1, m1] = [treeCpu(sync.pid), treeCpu(fd.group.pid), app0 ? treeCpu(app0) : 0, machineCpu()];
    polling = false;
    await poller;
    if (pollError) throw pollError;

    // A run not seen within the wait counts as infinitely late, so a percentile it reaches says so (null in JSON).
    const latencies = measured.map((id) =>
      appearedAt.has(id) ? Math.max(0, (appearedAt.get(id) as number) - (startedAt.get(id) as { perf: number }).perf) : Number.POSITIVE_INFINITY,
    );
    // The connector's own log: `<ISO time> imported processOrder <runId> (running)`.
    const logged = new Map<string, number>();
    for (const m of sync.stdout().matchAll(/^(\S+) imported \S+ (wrun_\S+) /gm))
      if (!logged.has(m[2] as string)) logged.set(m[2] as string, Date.parse(m[1] as string));
    const importedLog = measured.map((id) =>
      logged.has(id) ? Math.max(0, (logged.get(id) as number) - (startedAt.get(id) as { wall: number }).wall) : Number.POSITIVE_INFINITY,
    );
    const { p50, p95, max } = stats(latencies);
    return {
      world: o.world,
      backgroundRuns: o.background?.runs ?? 0,
      seconds: o.seconds,
      rate: o.rate,
      started: measured.length,
      seen: measured.filter((id) => appearedAt.has(id)).length,
      latencyMs: { p50, p95, max, min: latencies.length ? Math.min(...latencies) : Number.NaN },
      importedLogMs: stats(importedLog),
      pollMs: POLL_MS,
      initialPassSeconds,
      cpu: {
        connectorCores: (c1 - c0) / elapsed,
        serverCores: (s1 - s0) / elapsed,
        appCores: app0 ? (a1 - a0) / elapsed : Number.NaN,
        machineBusy: m1.total > m0.total ? (m1.busy - m0.busy) / (m1.total - m0.total) : 0,
      },
      loadAverage: [load0, os.loadavg()[0] as number],
    };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    forget();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

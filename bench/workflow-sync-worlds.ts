// Workflow SDK worlds for bench/workflow-sync.ts, written by the SDK's own code: events go through
// `world.events.create` of @workflow/world-local or @workflow/world-postgres, values through @workflow/core's
// serializer, in the shapes the example app's runtime writes (examples/workflow-sdk/workflows/orders.ts, event
// sequences recorded from the running app). Generated once per size and cached under the temp dir: a
// world-local directory as it is, a world-postgres database as a pg_dump archive restored into a fresh database.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { dehydrateStepArguments, dehydrateStepReturnValue, dehydrateWorkflowArguments, dehydrateWorkflowReturnValue } from '@workflow/core/serialization';
import type { World } from '@workflow/world';
import { createLocalWorld } from '@workflow/world-local';
import { createWorld as createPostgresWorld } from '@workflow/world-postgres';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { monotonicFactory } from 'ulid';

export const CACHE_DIR = path.join(os.tmpdir(), 'flowdeck-bench-wsdk');
const ulid = monotonicFactory();
const DAY = 86_400_000;
const SHARD = 100;
const wf = (name: string) => `workflow//./workflows/orders//${name}`;
const st = (name: string) => `step//./workflows/orders//${name}`;
const stack = (kind: string, message: string, fn: string) =>
  [
    `${kind}: ${message}`,
    `    at ${fn} (/app/.well-known/workflow/v1/step.js:85350:28)`,
    '    at /app/.well-known/workflow/v1/step.js:85933:27',
    '    at AsyncLocalStorage.run (node:async_hooks:346:14)',
    '    at trace (/app/.well-known/workflow/v1/step.js:70591:18)',
  ].join('\n');

/** The four workflows of the example app, in a fixed mix of ten: 7 processOrder, then brokenFlow, nightlyReport, approvalFlow. */
export const MIX = [
  'processOrder',
  'processOrder',
  'processOrder',
  'processOrder',
  'processOrder',
  'processOrder',
  'processOrder',
  'brokenFlow',
  'nightlyReport',
  'approvalFlow',
] as const;

/** Writes run `i` of the mix through the world's event API, as the SDK runtime does for that workflow. */
async function writeRun(world: World, deploymentId: string, i: number): Promise<number> {
  const ev = world.events;
  let events = 0;
  const create = async (runId: string, e: Parameters<World['events']['create']>[1]) => {
    events += 1;
    return ev.create(runId, e);
  };
  const name = MIX[i % MIX.length] as (typeof MIX)[number];
  const arg = { processOrder: `ord_${i}`, brokenFlow: i, nightlyReport: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`, approvalFlow: `req_${i}` }[name];
  const input = await dehydrateWorkflowArguments([arg], '', undefined);
  const executionContext = { traceCarrier: {}, workflowCoreVersion: '4.8.9', features: { encryption: false } };
  events += 1;
  const runId = (await ev.create(null, { eventType: 'run_created', eventData: { deploymentId, workflowName: wf(name), input, executionContext } } as never))
    .run!.runId;
  await create(runId, { eventType: 'run_started' });
  const created = async (step: string, args: unknown[]) => {
    const correlationId = `step_${ulid()}`;
    const stepInput = await dehydrateStepArguments({ args, closureVars: undefined, thisVal: undefined }, runId, undefined);
    await create(runId, { eventType: 'step_created', correlationId, eventData: { stepName: st(step), workflowName: wf(name), input: stepInput } } as never);
    return correlationId;
  };
  const started = (step: string, correlationId: string) =>
    create(runId, { eventType: 'step_started', correlationId, eventData: { stepName: st(step) } } as never);
  const completed = async (step: string, correlationId: string, result: unknown) =>
    create(runId, {
      eventType: 'step_completed',
      correlationId,
      eventData: { stepName: st(step), workflowName: wf(name), result: await dehydrateStepReturnValue(result, runId, undefined) },
    } as never);
  const step = async (stepName: string, args: unknown[], result: unknown) => {
    const id = await created(stepName, args);
    await started(stepName, id);
    await completed(stepName, id, result);
  };

  const order = {
    orderId: String(arg),
    items: [
      { sku: 'apple', quantity: 3 },
      { sku: 'pear', quantity: 2 },
    ],
    total: 42,
  };
  if (name === 'processOrder') {
    await step('fetchOrder', [arg], order);
    await step('reserveStock', [order], { reserved: 5 });
    const charge = await created('chargeCard', [order]);
    await started('chargeCard', charge);
    const message = `card gateway timeout for ${arg}`;
    await create(runId, {
      eventType: 'step_retrying',
      correlationId: charge,
      eventData: { stepName: st('chargeCard'), error: message, stack: stack('Error', message, 'chargeCard') },
    } as never);
    await started('chargeCard', charge);
    const chargeResult = { chargeId: `ch_${arg}`, amount: 42, attempt: 2 };
    await completed('chargeCard', charge, chargeResult);
    // Promise.all([shipOrder, sendReceipt]): both created, then both started, then both completed.
    const ship = await created('shipOrder', [arg]);
    const receipt = await created('sendReceipt', [arg, chargeResult.chargeId]);
    await started('shipOrder', ship);
    await started('sendReceipt', receipt);
    const shippedAt = new Date();
    await completed('shipOrder', ship, { trackingId: `TRK-${arg}`, shippedAt });
    await completed('sendReceipt', receipt, { to: `customer-${arg}@example.com (${chargeResult.chargeId})` });
    const output = await dehydrateWorkflowReturnValue(
      { orderId: arg, reserved: 5, charge: chargeResult, trackingId: `TRK-${arg}`, shippedAt, receipt: { to: `customer-${arg}@example.com` } },
      runId,
      undefined,
    );
    await create(runId, { eventType: 'run_completed', eventData: { output } } as never);
  } else if (name === 'brokenFlow') {
    await step('fetchOrder', [`broken-${arg}`], { ...order, orderId: `broken-${arg}` });
    const id = await created('validatePayment', []);
    await started('validatePayment', id);
    const message = 'card declined: insufficient funds';
    await create(runId, {
      eventType: 'step_failed',
      correlationId: id,
      eventData: { stepName: st('validatePayment'), error: message, stack: stack('FatalError', message, 'validatePayment') },
    } as never);
    await create(runId, { eventType: 'run_failed', eventData: { error: { message, stack: stack('FatalError', message, 'validatePayment') } } } as never);
  } else if (name === 'nightlyReport') {
    await step('collectMetrics', [arg], { day: arg, runs: String(arg).length * 7 });
    await create(runId, { eventType: 'wait_created', correlationId: `wait_${ulid()}`, eventData: { resumeAt: new Date(Date.now() + 3 * DAY) } } as never);
  } else {
    await create(runId, {
      eventType: 'hook_created',
      correlationId: `hook_${ulid()}`,
      eventData: { token: `approval-${arg}-${ulid()}`, isWebhook: false },
    } as never);
  }
  return events;
}

export interface Generated {
  runs: number;
  events: number;
  seconds: number;
}

/** Writes `runs` runs, `parallel` at a time, printing progress. */
async function writeRuns(world: World, runs: number, parallel: number, first = 0): Promise<Generated> {
  const deploymentId = await world.getDeploymentId();
  const t = performance.now();
  let next = 0;
  let events = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < runs) {
        const i = next++;
        const n = await writeRun(world, deploymentId, first + i);
        events += n;
        if (first === 0 && runs > 500 && (i + 1) % 1000 === 0)
          process.stdout.write(`    ${i + 1} runs written (${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
      }
    }),
  );
  return { runs, events, seconds: (performance.now() - t) / 1000 };
}

const readMeta = (file: string): Generated | null => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Generated) : null);

/** Moves every file of `from` into `to`, directory by directory (the same flat layout: names never collide). */
function mergeInto(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) mergeInto(src, dst);
    else if (!fs.existsSync(dst)) fs.renameSync(src, dst);
  }
}

/**
 * A world-local directory of `runs` runs (cached). world-local lists the whole `events/` directory when a run
 * starts (and keeps what it read in memory), so one world slows as it grows: one of 2,000 runs was unfinished
 * after 13 minutes, at 1 GB. Runs are therefore written in shards of 100 by fresh worlds, and the shards' files
 * moved into one directory of the same flat layout (10,000 runs: about 9 minutes).
 */
export async function localWorld(runs: number): Promise<{ dataDir: string; meta: Generated; cached: boolean }> {
  const dir = path.join(CACHE_DIR, `local-${runs}`);
  const metaFile = path.join(dir, 'bench-meta.json');
  const cached = readMeta(metaFile);
  const dataDir = path.join(dir, 'data');
  if (cached) return { dataDir, meta: cached, cached: true };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const meta: Generated = { runs: 0, events: 0, seconds: 0 };
  for (let first = 0; first < runs; first += SHARD) {
    const shard = path.join(dir, `shard-${first}`);
    const world = createLocalWorld({ dataDir: shard, recoverActiveRuns: false });
    await world.start?.();
    const part = await writeRuns(world, Math.min(SHARD, runs - first), 16, first);
    await world.close?.();
    const t = performance.now();
    mergeInto(shard, dataDir);
    fs.rmSync(shard, { recursive: true, force: true });
    meta.runs += part.runs;
    meta.events += part.events;
    meta.seconds += part.seconds + (performance.now() - t) / 1000;
    process.stdout.write(`    ${meta.runs} runs written (${meta.seconds.toFixed(0)} s)\n`);
  }
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  return { dataDir, meta, cached: false };
}

/** Sets a database up as world-postgres's cli.js does: its drizzle migrations, from inside the package. */
export async function migratePostgresWorld(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const pkg = path.dirname(createRequire(import.meta.url).resolve('@workflow/world-postgres'));
    await migrate(drizzle(pool), {
      migrationsFolder: path.join(pkg, '..', 'src', 'drizzle', 'migrations'),
      migrationsTable: 'workflow_migrations',
      migrationsSchema: 'workflow_drizzle',
    });
  } finally {
    await pool.end();
  }
}

/** Fills the (empty) database at `url` with `runs` runs: restored from the cached archive, or generated and archived. */
export async function postgresWorld(url: string, runs: number): Promise<{ meta: Generated; cached: boolean }> {
  const archive = path.join(CACHE_DIR, `postgres-${runs}.dump`);
  const metaFile = `${archive}.json`;
  const cached = readMeta(metaFile);
  if (cached && fs.existsSync(archive)) {
    execFileSync('pg_restore', ['--no-owner', '--dbname', url, archive], { stdio: 'inherit' });
    return { meta: cached, cached: true };
  }
  await migratePostgresWorld(url);
  const world = createPostgresWorld({ connectionString: url, maxPoolSize: 16 } as never);
  const meta = await writeRuns(world, runs, 16);
  await world.close?.();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  execFileSync('pg_dump', ['--format', 'custom', '--no-owner', '--file', archive, url], { stdio: 'inherit' });
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  return { meta, cached: false };
}

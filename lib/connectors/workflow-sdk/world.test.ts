import { mkdtemp, rm } from 'node:fs/promises';
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRun } from '@/lib/contract/engine-import';
import { createPostgresDatabase } from '@/lib/testing/stores';
import { readLocalWorld } from './read-local';
import { readPostgresWorld } from './read-postgres';
import { postgresStreamReader } from './read-streams';
import { toImportRun } from './to-import';
import type { SdkReadResult } from './types';

/**
 * The same runs written through each world's own API (world-local 4.4.1, world-postgres 4.3.7), with
 * values serialized by @workflow/core's serializer, then read back by our readers and mapped. The event
 * sequences are those the SDK runtime writes for the app in `workflows/order.ts`-style code.
 */
const ulid = monotonicFactory();
const id = (prefix: string) => `${prefix}_${ulid()}`;
const DAY = 86_400_000;
const resumeAt = new Date(Date.now() + 3 * DAY);
const workflow = (name: string) => `workflow//./workflows/order//${name}`;
const stepName = (name: string) => `step//./workflows/order//${name}`;

interface Scenario {
  completed: string;
  failed: string;
  sleeping: string;
  waitingOnHook: string;
  cancelled: string;
  approved: string;
  hookIds: Record<string, string>;
}

async function writeScenario(world: World): Promise<Scenario> {
  const ev = world.events;
  const start = async (name: string, args: unknown[]) => {
    const input = await dehydrateWorkflowArguments(args, '', undefined);
    const created = await ev.create(null, { eventType: 'run_created', eventData: { deploymentId: 'dpl_test', workflowName: workflow(name), input } });
    const runId = created.run!.runId;
    await ev.create(runId, { eventType: 'run_started' });
    return runId;
  };
  const createStep = async (runId: string, name: string, args: unknown[]) => {
    const correlationId = id('step');
    const input = await dehydrateStepArguments({ args, closureVars: undefined, thisVal: undefined }, runId, undefined);
    await ev.create(runId, { eventType: 'step_created', correlationId, eventData: { stepName: stepName(name), input } });
    return correlationId;
  };
  const finishStep = async (runId: string, correlationId: string, result: unknown) => {
    await ev.create(runId, { eventType: 'step_started', correlationId });
    await ev.create(runId, { eventType: 'step_completed', correlationId, eventData: { result: await dehydrateStepReturnValue(result, runId, undefined) } });
  };
  const step = async (runId: string, name: string, args: unknown[], result: unknown) => finishStep(runId, await createStep(runId, name, args), result);
  const createHook = async (runId: string, token: string) => {
    const correlationId = id('hook');
    const metadata = await dehydrateStepArguments({ requestedBy: 'ops' }, runId, undefined);
    await ev.create(runId, { eventType: 'hook_created', correlationId, eventData: { token, metadata, isWebhook: false } });
    return correlationId;
  };

  const completed = await start('processOrder', ['ord_1']);
  const at = new Date('2026-12-07T20:12:53.152Z');
  await step(completed, 'fetchOrder', ['ord_1'], { orderId: 'ord_1', at, items: new Map([['apple', 2]]) });
  // Promise.all([chargeCard(), emitProgress()]): both created before either finishes.
  const charge = await createStep(completed, 'chargeCard', [42]);
  const progress = await createStep(completed, 'emitProgress', ['fetched']);
  await ev.create(completed, { eventType: 'step_started', correlationId: charge });
  await ev.create(completed, {
    eventType: 'step_retrying',
    correlationId: charge,
    eventData: { error: 'transient card error', stack: 'Error: transient card error\n    at chargeCard' },
  });
  await finishStep(completed, charge, { chargeId: 'ch_1' });
  await finishStep(completed, progress, undefined);
  await step(completed, 'notify', [], 'sent');
  await step(completed, 'fetchOrder', ['ord_1'], { orderId: 'ord_1' });
  await ev.create(completed, {
    eventType: 'run_completed',
    eventData: { output: await dehydrateWorkflowReturnValue({ at, tags: new Map([['a', 1]]) }, completed, undefined) },
  });

  const failed = await start('brokenFlow', [3]);
  const failing = await createStep(failed, 'failingStep', []);
  await ev.create(failed, { eventType: 'step_started', correlationId: failing });
  await ev.create(failed, {
    eventType: 'step_failed',
    correlationId: failing,
    eventData: { error: 'boom: validation failed', stack: 'Error: boom: validation failed' },
  });
  await ev.create(failed, {
    eventType: 'run_failed',
    eventData: { error: { message: 'boom: validation failed', stack: 'Error: boom' }, errorCode: 'USER_ERROR' },
  });

  const sleeping = await start('nightly', [7]);
  await step(sleeping, 'fetchOrder', ['n7'], { orderId: 'n7' });
  await ev.create(sleeping, { eventType: 'wait_created', correlationId: id('wait'), eventData: { resumeAt } });

  const waitingOnHook = await start('approvalFlow', ['req_1']);
  const hookIds: Record<string, string> = { [waitingOnHook]: await createHook(waitingOnHook, `approval-req_1-${ulid()}`) };

  const cancelled = await start('approvalFlow', ['req_2']);
  hookIds[cancelled] = await createHook(cancelled, `approval-req_2-${ulid()}`);
  await ev.create(cancelled, { eventType: 'run_cancelled' });

  const approved = await start('approvalFlow', ['req_3']);
  const hook = await createHook(approved, `approval-req_3-${ulid()}`);
  hookIds[approved] = hook;
  await ev.create(approved, {
    eventType: 'hook_received',
    correlationId: hook,
    eventData: { payload: await dehydrateStepReturnValue({ approved: true }, approved, undefined) },
  });
  await step(approved, 'record', [true], 'ok');
  await ev.create(approved, { eventType: 'run_completed', eventData: { output: await dehydrateWorkflowReturnValue({ approved: true }, approved, undefined) } });

  return { completed, failed, sleeping, waitingOnHook, cancelled, approved, hookIds };
}

/** What every world's snapshots must map to. */
function expectMapping(read: SdkReadResult, s: Scenario) {
  expect(read.problems).toEqual([]);
  const mapped = new Map(read.runs.map((snap) => [snap.run.runId, toImportRun(snap, { versionKey: 'dpl_test' })]));
  for (const run of mapped.values()) {
    const parsed = ImportRun.safeParse(run);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    // No serialized bytes reach Flowdeck: neither world-local's base64 nor a `devl` payload.
    expect(JSON.stringify(run)).not.toMatch(/__type|ZGV2b|devl/);
  }
  const get = (runId: string) => mapped.get(runId)!;
  const nodes = (runId: string) => Object.fromEntries(get(runId).nodes.map((n) => [n.nodeId, n]));

  const done = get(s.completed);
  expect(done).toMatchObject({
    workflow: 'processOrder',
    workflowRef: workflow('processOrder'),
    engineStatus: 'completed',
    phase: 'finished',
    result: 'success',
    waiting: null,
    input: ['ord_1'],
  });
  expect(done.output).toEqual({ at: '2026-12-07T20:12:53.152Z', tags: { a: 1 } });
  expect(done.nodes.map((n) => n.nodeId)).toEqual(['fetchOrder', 'chargeCard', 'emitProgress', 'notify', 'fetchOrder.2']);
  const n = nodes(s.completed);
  expect(n.fetchOrder).toMatchObject({ kind: 'step', name: stepName('fetchOrder'), status: 'success', attempt: 1, needs: [], input: ['ord_1'] });
  expect(n.fetchOrder!.output).toEqual({ orderId: 'ord_1', at: '2026-12-07T20:12:53.152Z', items: { apple: 2 } });
  expect(n.chargeCard).toMatchObject({ status: 'success', attempt: 2, needs: ['fetchOrder'], output: { chargeId: 'ch_1' } });
  expect(n.chargeCard!.error).toBeUndefined();
  expect(n.emitProgress!.needs).toEqual(['fetchOrder']);
  expect(n.notify!.needs).toEqual(['chargeCard', 'emitProgress']);
  expect(n['fetchOrder.2']!.needs).toEqual(['notify']);
  const retry = done.events.find((e) => e.type === 'step_retrying')!;
  expect(retry).toMatchObject({ nodeId: 'chargeCard', data: { error: 'transient card error' } });
  expect(done.events.map((e) => e.type).slice(0, 3)).toEqual(['run_created', 'run_started', 'step_created']);
  expect(done.events.find((e) => e.type === 'run_created')!.data.input).toEqual(['ord_1']);
  expect(done.events.at(-1)).toMatchObject({ type: 'run_completed', data: { output: { at: '2026-12-07T20:12:53.152Z', tags: { a: 1 } } } });

  const failed = get(s.failed);
  expect(failed).toMatchObject({
    phase: 'finished',
    result: 'failed',
    engineStatus: 'failed',
    error: { message: 'boom: validation failed', code: 'USER_ERROR' },
  });
  expect(nodes(s.failed).failingStep).toMatchObject({ status: 'failed', error: { message: 'boom: validation failed' } });

  const sleeping = get(s.sleeping);
  expect(sleeping).toMatchObject({ phase: 'running', result: 'unknown', waiting: { kind: 'sleep', nodeId: 'sleep', until: resumeAt.toISOString() } });
  expect(nodes(s.sleeping).sleep).toMatchObject({ kind: 'sleep', status: 'running', needs: ['fetchOrder'], finishedAt: null });

  const hookRun = get(s.waitingOnHook);
  expect(hookRun.waiting).toMatchObject({ kind: 'hook', nodeId: 'hook', token: expect.stringMatching(/^approval-req_1-/) });
  expect(nodes(s.waitingOnHook).hook).toMatchObject({ kind: 'hook', status: 'running', input: { metadata: { requestedBy: 'ops' } } });
  expect(hookRun.events.find((e) => e.type === 'hook_created')!.nodeId).toBe('hook');

  const cancelled = get(s.cancelled);
  expect(cancelled).toMatchObject({ phase: 'cancelled', result: 'stopped', engineStatus: 'cancelled', waiting: null });
  expect(nodes(s.cancelled).hook!.status).toBe('cancelled');

  expect(nodes(s.approved).hook).toMatchObject({ status: 'success', output: { approved: true } });
  expect(nodes(s.approved).record!.needs).toEqual(['hook']);
  return mapped;
}

describe('world-local (flat layout, written by @workflow/world-local)', () => {
  let dir: string;
  let scenario: Scenario;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flowdeck-wsdk-'));
    const world = createLocalWorld({ dataDir: dir, recoverActiveRuns: false });
    await world.start?.();
    scenario = await writeScenario(world);
    await world.close?.();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads every run whole and maps it', async () => {
    const reader = readLocalWorld(dir);
    expect(await reader.info()).toEqual({ version: '@workflow/world-local@4.4.1', layout: 'flat' });
    const read = await reader.scan();
    expect(read.runs).toHaveLength(6);
    expectMapping(read, scenario);
    // The world deleted the hooks of ended runs; the live hook is read as an entity too.
    const live = read.runs.find((r) => r.run.runId === scenario.waitingOnHook)!;
    expect(live.hooks.map((h) => h.hookId)).toEqual([scenario.hookIds[scenario.waitingOnHook]]);
    expect(read.runs.find((r) => r.run.runId === scenario.cancelled)!.hooks).toEqual([]);
  });

  it('reads a chosen run, and the same through scan batches', async () => {
    const reader = readLocalWorld(dir);
    const one = await reader.readRun(scenario.sleeping);
    expect('run' in one && one.waits.map((w) => w.status)).toEqual(['waiting']);
    let seen = 0;
    for await (const batch of reader.scanBatches(4)) seen += batch.runs.length;
    expect(seen).toBe(6);
    expect(await reader.readRun('wrun_01ZZZZZZZZZZZZZZZZZZZZZZZZ')).toEqual({ runId: 'wrun_01ZZZZZZZZZZZZZZZZZZZZZZZZ', problem: 'no run file' });
  });
});

const baseUrl = process.env.DATABASE_URL;
describe.skipIf(!baseUrl)('world-postgres (written by @workflow/world-postgres)', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let pool: pg.Pool;
  let world: ReturnType<typeof createPostgresWorld>;
  let scenario: Scenario;
  beforeAll(async () => {
    database = await createPostgresDatabase(baseUrl!);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // As the package's own cli.js sets a database up: its drizzle migrations, from inside the package.
    const pkg = path.dirname(createRequire(import.meta.url).resolve('@workflow/world-postgres'));
    await migrate(drizzle(pool), {
      migrationsFolder: path.join(pkg, '..', 'src', 'drizzle', 'migrations'),
      migrationsTable: 'workflow_migrations',
      migrationsSchema: 'workflow_drizzle',
    });
    world = createPostgresWorld({ connectionString: database.url });
    scenario = await writeScenario(world);
  });
  afterAll(async () => {
    await world?.close?.();
    await pool?.end();
    await database?.drop();
  });

  it('reads every run whole in a few queries and maps it', async () => {
    const reader = readPostgresWorld(pool);
    const ids = Object.values(scenario).filter((v): v is string => typeof v === 'string');
    const read = await reader.readRuns([...ids, 'wrun_missing']);
    expect(read.runs).toHaveLength(6);
    expect(read.problems).toEqual([{ runId: 'wrun_missing', problem: 'no such run' }]);
    expectMapping({ runs: read.runs, problems: [] }, scenario);
  });

  it('reads a run’s stream chunks in write order, and none for a run without a stream', async () => {
    const runId = scenario.completed;
    const stream = `${runId.replace('wrun_', 'strm_')}_user`;
    await world.writeToStream(stream, runId, new Uint8Array([1, 2, 3]));
    await world.writeToStream(stream, runId, new Uint8Array([4]));
    const chunks = await postgresStreamReader(pool).streams([runId, scenario.failed]);
    expect([...chunks.keys()]).toEqual([runId]);
    expect(chunks.get(runId)?.map((c) => ({ stream: c.stream, data: [...c.data], eof: c.eof }))).toEqual([
      { stream, data: [1, 2, 3], eof: false },
      { stream, data: [4], eof: false },
    ]);
    expect(chunks.get(runId)?.every((c) => /^chnk_[0-9A-Z]{26}$/.test(c.chunkId))).toBe(true);
  });

  it('finds runs that changed, including those that only got events', async () => {
    const reader = readPostgresWorld(pool);
    const first = await reader.changedRuns(null, 4);
    expect(first.runs).toHaveLength(4);
    expect(first.more).toBe(true);
    const rest = await reader.changedRuns(first.cursor, 100);
    expect(rest.runs).toHaveLength(2);
    expect(new Set([...first.runs, ...rest.runs].map((r) => r.runId)).size).toBe(6);
    expect(await reader.changedRuns(rest.cursor, 100)).toMatchObject({ runs: [], more: false });

    // A hook receiving a payload writes an event but leaves workflow_runs.updated_at alone.
    const { rows: before } = await pool.query(`select updated_at from workflow.workflow_runs where id = $1`, [scenario.waitingOnHook]);
    const hookId = scenario.hookIds[scenario.waitingOnHook]!;
    await world.events.create(scenario.waitingOnHook, {
      eventType: 'hook_received',
      correlationId: hookId,
      eventData: { payload: await dehydrateStepReturnValue({ approved: false }, scenario.waitingOnHook, undefined) },
    });
    const { rows: after } = await pool.query(`select updated_at from workflow.workflow_runs where id = $1`, [scenario.waitingOnHook]);
    expect(after).toEqual(before);
    const next = await reader.changedRuns(rest.cursor, 100);
    expect(next.runs.map((r) => r.runId)).toEqual([scenario.waitingOnHook]);
    const snap = await reader.readRun(scenario.waitingOnHook);
    expect('run' in snap && toImportRun(snap, { versionKey: 'k' }).nodes[0]).toMatchObject({ status: 'success', output: { approved: false } });
  });

  it('reports a run with an unreadable row and still reads the others', async () => {
    // A damaged value (not CBOR), as a crash or a bad manual edit would leave it.
    await pool.query(`update workflow.workflow_events set payload_cbor = '\\x1c'::bytea where run_id = $1 and type = 'wait_created'`, [scenario.sleeping]);
    const read = await readPostgresWorld(pool).readRuns([scenario.sleeping, scenario.completed]);
    expect(read.runs.map((r) => r.run.runId)).toEqual([scenario.completed]);
    expect(read.problems).toEqual([{ runId: scenario.sleeping, problem: expect.stringMatching(/^events row .*payload_cbor is not CBOR/) }]);
  });
});

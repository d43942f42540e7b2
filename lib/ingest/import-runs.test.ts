import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportBody, type ImportRun } from '@/lib/contract/engine-import';
import { claimActions, completeAction } from '@/lib/control/engine-actions';
import { cancelRun, pauseRun } from '@/lib/control/runs';
import { sunsetVersion } from '@/lib/control/sunset';
import { upgradeRun } from '@/lib/control/upgrade';
import type { OpenedDb } from '@/lib/db/open';
import { listCommits } from '@/lib/db/queries/commits';
import { countRuns, getRun, getRunNode } from '@/lib/db/queries/runs';
import { getDrainReport } from '@/lib/db/queries/versions';
import { events, runs, versions } from '@/lib/db/schema';
import { testEngines } from '@/lib/testing/stores';
import { deliverHook } from './hooks';
import { importBatch } from './import-runs';

const t = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s)).toISOString();
const SOURCE = 'workflow-local' as const;

/** A run as a connector sends it; `events` is how far the engine's log has got. */
function sdkRun(id: string, o: { key?: string; events?: number; status?: 'running' | 'completed' | 'cancelled'; hook?: string }): ImportRun {
  const status = o.status ?? 'running';
  const n = o.events ?? 3;
  const log = ['run_created', 'run_started', 'step_created', 'step_started', 'step_retrying', 'step_completed', 'run_completed'];
  return {
    externalId: id,
    versionKey: o.key ?? 'dpl_local@4.4.1',
    workflow: 'processOrder',
    workflowRef: 'workflow//./workflows/orders//processOrder',
    engineStatus: status,
    phase: status === 'running' ? 'running' : status === 'completed' ? 'finished' : 'cancelled',
    result: status === 'running' ? 'unknown' : status === 'completed' ? 'success' : 'stopped',
    waiting: o.hook ? { kind: 'hook', nodeId: 'hook', token: o.hook, since: t(2) } : null,
    createdAt: t(0),
    startedAt: t(1),
    finishedAt: status === 'running' ? null : t(9),
    input: ['ord_1'],
    output: status === 'completed' ? { total: 42 } : undefined,
    nodes: [
      {
        nodeId: 'fetchOrder',
        kind: 'step',
        name: 'step//./workflows/orders//fetchOrder',
        status: n >= 6 ? 'success' : 'running',
        attempt: n >= 5 ? 2 : 1,
        needs: [],
        startedAt: t(2),
        finishedAt: n >= 6 ? t(3) : null,
        input: ['ord_1'],
      },
    ],
    events: log
      .slice(0, n)
      .map((type, i) => ({ id: `evnt_${id}_${i}`, type, at: t(i), ...(type.startsWith('step') ? { nodeId: 'fetchOrder' } : {}), data: {} })),
  };
}

const body = (runs: ImportRun[], versions: { key: string; current?: boolean }[] = []) =>
  ImportBody.parse({
    versions: versions.map((v) => ({
      key: v.key,
      label: v.key,
      deploymentId: v.key.split('#')[0],
      address: 'http://127.0.0.1:3100',
      current: v.current ?? false,
    })),
    runs,
  });

describe.each(testEngines())('engine import on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('registers the deployment as a version and imports a run with its steps and the engine’s own events', async () => {
    const result = await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_A', {})], [{ key: 'dpl_local@4.4.1', current: true }]));
    expect(result.versions).toEqual([{ key: 'dpl_local@4.4.1', versionId: expect.stringMatching(/^vers_/), outcome: 'imported' }]);
    expect(result.runs).toEqual([{ externalId: 'wrun_A', runId: expect.stringMatching(/^run_/), outcome: 'imported', events: 3 }]);
    const run = await getRun(store.db, result.runs[0]!.runId!);
    expect(run).toMatchObject({
      source: SOURCE,
      externalId: 'wrun_A',
      workflow: 'processOrder',
      engineStatus: 'running',
      phase: 'running',
      groupPath: 'workflow-local/processOrder',
    });
    expect(run.nodes.map((n) => [n.nodeId, n.status])).toEqual([['fetchOrder', 'running']]);
    expect(await getRunNode(store.db, run.id, 'fetchOrder')).toMatchObject({ input: ['ord_1'] });
    const log = await store.db.select().from(events).where(eq(events.runId, run.id)).orderBy(events.seq);
    expect(log.map((e) => [e.seq, e.type, e.engineType])).toEqual([
      [1, 'run_created', 'run_created'],
      [2, 'run_started', 'run_started'],
      [3, 'engine_event', 'step_created'],
    ]);
    const [version] = await store.db.select().from(versions).where(eq(versions.id, run.versionId));
    expect(version).toMatchObject({ runSource: SOURCE, externalKey: 'dpl_local@4.4.1', isCurrent: true, status: 'live' });
    expect((await listCommits(store.db, { limit: 5 })).items[0]).toMatchObject({ actor: 'sync', action: 'version.import' });
    expect((await countRuns(store.db, {})).byPhase.running).toBe(1);
  });

  it('is idempotent: the same run again changes nothing; a later view appends only the new events', async () => {
    const before = await store.db.select().from(runs).where(eq(runs.externalId, 'wrun_A'));
    const again = await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_A', {})], [{ key: 'dpl_local@4.4.1', current: true }]));
    expect(again.versions[0]!.outcome).toBe('unchanged');
    expect(again.runs[0]).toMatchObject({ outcome: 'unchanged', events: 0 });
    const same = await store.db.select().from(runs).where(eq(runs.externalId, 'wrun_A'));
    expect(same[0]!.rowVersion).toBe(before[0]!.rowVersion);

    const later = await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_A', { events: 7, status: 'completed' })]));
    expect(later.runs[0]).toMatchObject({ outcome: 'updated', events: 4 });
    const run = await getRun(store.db, later.runs[0]!.runId!);
    expect(run).toMatchObject({ phase: 'finished', result: 'success', output: { total: 42 } });
    expect(run.nodes[0]).toMatchObject({ status: 'success', attempt: 2 });
    const log = await store.db.select().from(events).where(eq(events.runId, run.id));
    expect(log).toHaveLength(7);
    expect(new Set(log.map((e) => e.engineId)).size).toBe(7);
    const counts = await countRuns(store.db, {});
    expect([counts.byPhase.running, counts.byPhase.finished]).toEqual([0, 1]);
  });

  it('stores the failure reason of a run the engine failed, for the runs list', async () => {
    const failed = sdkRun('wrun_F', { events: 6 });
    const run: ImportRun = {
      ...failed,
      engineStatus: 'failed',
      phase: 'finished',
      result: 'failed',
      finishedAt: t(9),
      error: { message: 'order service down' },
      nodes: failed.nodes.map((n) => ({ ...n, status: 'failed', finishedAt: t(8), error: { name: 'FatalError', message: 'HTTP 503 from orders' } })),
    };
    const r = await importBatch(store.db, 'sync', SOURCE, body([run]));
    const imported = await getRun(store.db, r.runs[0]!.runId!);
    expect(imported.failureReason).toBe('fetchOrder: FatalError: HTTP 503 from orders');
    expect(imported.failure).toMatchObject({ nodeId: 'fetchOrder', message: 'FatalError: HTTP 503 from orders', lastLines: [] });
  });

  it('skips a run whose version key is unknown and imports the rest of the batch', async () => {
    const r = await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_B', { key: 'dpl_gone' }), sdkRun('wrun_C', {})]));
    expect(r.runs.map((x) => [x.externalId, x.outcome, x.reason ?? null])).toEqual([
      ['wrun_B', 'skipped', 'unknown version key dpl_gone'],
      ['wrun_C', 'imported', null],
    ]);
  });

  it('hands cancel, hook delivery and restart to the connector as commits; pause is refused', async () => {
    await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_H', { hook: 'approval-req-42' })], [{ key: 'dpl_local@4.4.1#v2' }]));
    const [hooked] = await store.db.select().from(runs).where(eq(runs.externalId, 'wrun_H'));
    const [other] = await store.db.select().from(runs).where(eq(runs.externalId, 'wrun_C'));

    await expect(pauseRun(store.db, 'ops', { runId: other!.id, expectedVersion: other!.rowVersion })).rejects.toMatchObject({
      code: 'not_supported_by_engine',
      status: 409,
    });
    const { result } = await cancelRun(store.db, 'ops', { runId: other!.id, expectedVersion: other!.rowVersion });
    expect(result.phase).toBe('running');
    await expect(cancelRun(store.db, 'ops', { runId: other!.id, expectedVersion: other!.rowVersion })).rejects.toMatchObject({ code: 'conflict' });
    const delivered = await deliverHook(store.db, 'approval-req-42', { approved: true }, 'ops');
    expect(delivered).toMatchObject({ runId: hooked!.id, actionId: expect.stringMatching(/^act_/) });

    const v2 = (await store.db.select().from(versions).where(eq(versions.externalKey, 'dpl_local@4.4.1#v2')))[0]!;
    const dry = await upgradeRun(store.db, 'ops', { runId: hooked!.id, targetVersionId: v2.id, strategy: 'resume', dryRun: true });
    expect(dry.report).toMatchObject({ compatible: false, reasons: [expect.stringMatching(/only a restart/)] });
    const restart = await upgradeRun(store.db, 'ops', { runId: hooked!.id, targetVersionId: v2.id, strategy: 'restart' });
    expect(restart.newRun).toBeNull();

    const claimed = await claimActions(store.db, SOURCE, 'conn-1', 10);
    expect(claimed.map((a) => [a.kind, a.externalRunId])).toEqual([
      ['cancel', 'wrun_C'],
      ['deliver_hook', 'wrun_H'],
      ['restart', 'wrun_H'],
    ]);
    expect(claimed[2]!.payload).toMatchObject({ deploymentId: 'dpl_local@4.4.1', versionId: v2.id });
    expect(await claimActions(store.db, SOURCE, 'conn-2', 10)).toEqual([]);
    await expect(completeAction(store.db, 'sync', { source: SOURCE, actionId: claimed[0]!.id, connectorId: 'conn-2', ok: true })).rejects.toMatchObject({
      code: 'lease_lost',
    });

    await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_NEW', { key: 'dpl_local@4.4.1#v2' })]));
    const done = await completeAction(store.db, 'sync', {
      source: SOURCE,
      actionId: claimed[2]!.id,
      connectorId: 'conn-1',
      ok: true,
      newExternalId: 'wrun_NEW',
    });
    expect(done).toMatchObject({ status: 'done', resultRunId: expect.stringMatching(/^run_/) });
    const linked = await getRun(store.db, hooked!.id);
    expect(linked).toMatchObject({ upgradedTo: done.resultRunId, upgradeStrategy: 'restart' });
    expect(linked.actions.map((a) => [a.kind, a.status])).toEqual([
      ['restart', 'done'],
      ['deliver_hook', 'claimed'],
    ]);
    const failed = await completeAction(store.db, 'sync', {
      source: SOURCE,
      actionId: claimed[0]!.id,
      connectorId: 'conn-1',
      ok: false,
      error: 'run not found',
    });
    expect(failed).toMatchObject({ status: 'failed', error: 'run not found' });
    const actions = (await listCommits(store.db, { limit: 10 })).items.map((c) => c.action);
    expect(actions).toEqual(expect.arrayContaining(['run.cancel.request', 'run.hook.request', 'run.upgrade.request', 'action.complete', 'action.fail']));
  });

  it('counts imported runs in the drain report, flags runs the engine started while draining, and sunsets when the last one ends', async () => {
    await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_D1', { key: 'dpl_old', hook: 'approval-old-1' })], [{ key: 'dpl_old' }]));
    const old = (await store.db.select().from(versions).where(eq(versions.externalKey, 'dpl_old')))[0]!;
    expect((await getDrainReport(store.db, old.id)).counts).toMatchObject({ hook: 1 });
    await expect(sunsetVersion(store.db, 'ops', { id: old.id, expectedVersion: old.rowVersion, mode: 'safe' })).rejects.toMatchObject({
      code: 'version_has_active_runs',
    });
    await sunsetVersion(store.db, 'ops', { id: old.id, expectedVersion: old.rowVersion, mode: 'drain' });

    const late = await importBatch(store.db, 'sync', SOURCE, body([sdkRun('wrun_D2', { key: 'dpl_old' })]));
    expect((await getRun(store.db, late.runs[0]!.runId!)).admittedWhileDraining).toBe(true);

    await importBatch(
      store.db,
      'sync',
      SOURCE,
      body([sdkRun('wrun_D1', { key: 'dpl_old', status: 'cancelled', events: 4 }), sdkRun('wrun_D2', { key: 'dpl_old', status: 'completed', events: 7 })]),
    );
    const [after] = await store.db.select().from(versions).where(eq(versions.id, old.id));
    expect(after!.status).toBe('sunset');
  });
});

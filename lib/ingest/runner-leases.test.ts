import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cancelRun, pauseRun, resumeRun } from '@/lib/control/runs';
import type { OpenedDb } from '@/lib/db/open';
import { getRun, getRunNode } from '@/lib/db/queries/runs';
import { events, nodes, runs } from '@/lib/db/schema';
import { INDEFINITE_LEASE } from '@/lib/domain/runner-lease';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { appendEvents } from './append-events';
import { setArtifactManifest } from './artifacts';
import { createRun } from './create-run';
import { claimRuns, heartbeat, releaseRuns } from './runner-leases';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString();
const TOKEN = `hk_${'q'.repeat(40)}`;

describe.each(testEngines())('runner leases on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
    await insertVersion(store.db, { current: true });
  });
  afterAll(() => store.close());
  // Each test starts with nothing claimable: whatever a test left active is ended (directly, counters aside).
  afterEach(async () => {
    await store.db
      .update(runs)
      .set({ phase: 'cancelled', waiting: null })
      .where(inArray(runs.phase, ['queued', 'running', 'paused']));
  });

  const newRun = (s: number) => createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } }, at(s));
  const claim = (runnerId: string, capacity: number, s: number, leaseSeconds = 15) => claimRuns(store.db, { runnerId, capacity, leaseSeconds }, at(s));
  const log = async (runId: string) => (await store.db.select().from(events).where(eq(events.runId, runId)).orderBy(events.seq)).map((e) => [e.type, e.nodeId]);
  const nodeStatus = async (runId: string, nodeId: string) =>
    (
      await store.db
        .select({ status: nodes.status })
        .from(nodes)
        .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)))
    )[0]?.status;

  it('claims the oldest runs first, up to capacity, starting queued ones under a lease', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await newRun(i)).id);
    const first = await claim('r1', 2, 10);
    expect(first.map((c) => c.run.id)).toEqual(ids.slice(0, 2));
    const [c] = first;
    expect(c).toMatchObject({
      versionId: c!.run.versionId,
      leaseExpiresAt: iso(25),
      run: { phase: 'running', leaseOwner: 'r1', leaseExpiresAt: iso(25), startedAt: iso(10) },
      workflow: { steps: expect.any(Array) },
    });
    expect(c!.workflow.steps.map((s) => s.id)).toEqual(['build', 'test', 'package', 'notify', 'approve', 'cool-down']);
    expect(c!.nodes.map((n) => n.nodeId)).toEqual(['approve', 'build', 'cool-down', 'notify', 'package', 'test']);
    expect(c!.nodes[0]).toMatchObject({
      status: 'pending',
      attempt: 0,
      action: 'hook',
      signature: expect.stringMatching(/^sha256:/),
      needs: [{ step: 'package', when: 'on_success' }],
    });
    expect(await log(ids[0]!)).toEqual([
      ['run_created', null],
      ['run_started', null],
    ]);
    expect((await claim('r2', 5, 11)).map((r) => r.run.id)).toEqual([ids[2]]);
    expect(await claim('r3', 5, 12)).toEqual([]);
  });

  it('orders free runs and runs whose lease expired together, oldest first', async () => {
    const [a, b, c] = [await newRun(0), await newRun(1), await newRun(2)];
    await claim('gone', 1, 3, 5); // a, until 8
    expect((await claim('r1', 1, 4)).map((r) => r.run.id)).toEqual([b.id]);
    await releaseRuns(store.db, { runnerId: 'r1', runIds: [b.id] });
    expect((await claim('r2', 3, 9)).map((r) => r.run.id)).toEqual([a.id, b.id, c.id]);
  });

  it('never claims a run leased to the demo engine, a paused or a finished run', async () => {
    const demo = await newRun(0);
    await store.db
      .update(runs)
      .set({ leaseOwner: 'demo', leaseExpiresAt: new Date(INDEFINITE_LEASE) })
      .where(eq(runs.id, demo.id));
    const paused = await newRun(1);
    await pauseRun(store.db, 'op', { runId: paused.id, expectedVersion: 1 });
    const done = await newRun(2);
    await appendEvents(store.db, done.id, [{ type: 'run_cancelled', at: iso(3) }]);
    expect(await claim('r1', 10, 4)).toEqual([]);
  });

  const CLAIMERS = 4;
  const ROUNDS = 8;
  const RUNS = 24;
  it(`${CLAIMERS} concurrent claimers × ${ROUNDS} rounds of ${RUNS} runs: every run claimed exactly once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ids = [];
      for (let i = 0; i < RUNS; i++) ids.push((await newRun(round * 30 + i)).id);
      const got: string[][] = Array.from({ length: CLAIMERS }, () => []);
      await Promise.all(
        got.map(async (mine, n) => {
          for (;;) {
            // Leases outlive the test: earlier rounds' runs stay held.
            const batch = await claim(`runner-${n}`, 1 + (n % 3), round * 30 + 25, 300);
            if (batch.length === 0) return;
            mine.push(...batch.map((b) => b.run.id));
          }
        }),
      );
      const all = got.flat();
      expect(all.sort()).toEqual([...ids].sort());
      expect(new Set(all).size).toBe(RUNS);
    }
    const started = await store.db.select({ runId: events.runId }).from(events).where(eq(events.type, 'run_started'));
    expect(started.length).toBe(new Set(started.map((s) => s.runId)).size);
  }, 120_000);

  it('a run whose lease expired is claimed again, its running steps requeued; the old runner can record nothing', async () => {
    const run = await newRun(0);
    await claim('old', 1, 1, 5);
    await appendEvents(store.db, run.id, [{ type: 'node_started', at: iso(2), nodeId: 'build' }], at(2), { runnerId: 'old' });
    expect(await claim('new', 1, 5)).toEqual([]); // lease runs until 6
    expect((await heartbeat(store.db, { runnerId: 'old', runIds: [run.id], leaseSeconds: 5 }, at(5)))[0]).toMatchObject({
      state: 'ok',
      leaseExpiresAt: iso(10),
    });
    expect(await claim('new', 1, 9)).toEqual([]);

    const [taken] = await claim('new', 1, 10);
    expect(taken?.run.leaseOwner).toBe('new');
    expect(taken?.nodes.find((n) => n.nodeId === 'build')).toMatchObject({ status: 'pending', attempt: 1 });
    const [requeued] = await store.db
      .select()
      .from(events)
      .where(and(eq(events.runId, run.id), eq(events.type, 'node_requeued')));
    expect(requeued).toMatchObject({ nodeId: 'build', data: { reason: `lease of runner old expired at ${iso(10)}` } });

    // The old runner wakes up late: its result and its manifest are refused, nothing is recorded.
    const late = appendEvents(store.db, run.id, [{ type: 'node_succeeded', at: iso(11), nodeId: 'build', output: 'stale' }], at(11), { runnerId: 'old' });
    await expect(late).rejects.toMatchObject({ code: 'lease_lost', status: 409, details: { runId: run.id, runnerId: 'old' } });
    await expect(setArtifactManifest(store.db, run.id, 'build', '', { runnerId: 'old' }, at(11))).rejects.toMatchObject({ code: 'lease_lost' });
    expect((await heartbeat(store.db, { runnerId: 'old', runIds: [run.id], leaseSeconds: 5 }, at(11)))[0]?.state).toBe('lost');

    await appendEvents(
      store.db,
      run.id,
      [
        { type: 'node_started', at: iso(12), nodeId: 'build' },
        { type: 'node_succeeded', at: iso(13), nodeId: 'build', output: 'fresh' },
      ],
      at(13),
      { runnerId: 'new' },
    );
    const buildEvents = (await log(run.id)).filter(([, node]) => node === 'build').map(([type]) => type);
    expect(buildEvents).toEqual(['node_started', 'node_requeued', 'node_started', 'node_succeeded']);
    expect(await getRunNode(store.db, run.id, 'build')).toMatchObject({ status: 'success', attempt: 2, output: 'fresh' });

    // Past its own expiry, even the holder is refused.
    await expect(appendEvents(store.db, run.id, [{ type: 'node_skipped', at: iso(40), nodeId: 'notify' }], at(40), { runnerId: 'new' })).rejects.toMatchObject({
      code: 'lease_lost',
    });
  });

  it('a sleep is not claimable before its wake time, then is woken by the claim; a hook resumes by token', async () => {
    const run = await newRun(0);
    await claim('r1', 1, 1, 60);
    const lease = { runnerId: 'r1' };
    const step = (nodeId: string, s: number) => [
      { type: 'node_started', at: iso(s), nodeId } as const,
      { type: 'node_succeeded', at: iso(s), nodeId } as const,
    ];
    await appendEvents(
      store.db,
      run.id,
      [
        ...step('build', 2),
        ...step('test', 3),
        ...step('package', 4),
        { type: 'node_skipped', at: iso(4), nodeId: 'notify' },
        { type: 'node_started', at: iso(5), nodeId: 'approve' },
        { type: 'hook_created', at: iso(5), nodeId: 'approve', token: TOKEN },
      ],
      at(5),
      lease,
    );
    expect(await releaseRuns(store.db, { runnerId: 'r1', runIds: [run.id] })).toEqual([run.id]);
    expect(await claim('r2', 1, 6)).toEqual([]); // waiting on the hook

    const { deliverHook } = await import('./hooks');
    await expect(deliverHook(store.db, 'not-the-token', { ok: 1 }, 'local', at(7))).rejects.toMatchObject({ code: 'not_found', status: 404 });
    expect(await deliverHook(store.db, TOKEN, { decision: 'approve' }, 'local', at(7))).toEqual({ runId: run.id, nodeId: 'approve' });
    await expect(deliverHook(store.db, TOKEN, {}, 'local', at(8))).rejects.toMatchObject({ code: 'not_found' });
    const afterHook = await getRun(store.db, run.id);
    expect(afterHook.waiting).toBeNull();
    expect(await getRunNode(store.db, run.id, 'approve')).toMatchObject({ status: 'success', output: { decision: 'approve' } });

    const [back] = await claim('r2', 1, 9, 60);
    expect(back?.run.id).toBe(run.id);
    const until = iso(9 + 7200);
    await appendEvents(
      store.db,
      run.id,
      [
        { type: 'node_started', at: iso(10), nodeId: 'cool-down' },
        { type: 'sleep_started', at: iso(10), nodeId: 'cool-down', until },
      ],
      at(10),
      { runnerId: 'r2' },
    );
    await releaseRuns(store.db, { runnerId: 'r2', runIds: [run.id] });
    expect(await claim('r3', 1, 3600)).toEqual([]);
    expect(await claim('r3', 1, 9 + 7199)).toEqual([]);

    const [woken] = await claim('r3', 1, 9 + 7200, 60);
    expect(woken?.run).toMatchObject({ id: run.id, waiting: null, leaseOwner: 'r3' });
    expect(woken?.nodes.find((n) => n.nodeId === 'cool-down')?.status).toBe('success');
    expect((await log(run.id)).slice(-3)).toEqual([
      ['sleep_started', 'cool-down'],
      ['sleep_woken', 'cool-down'],
      ['node_succeeded', 'cool-down'],
    ]);
    await appendEvents(store.db, run.id, [{ type: 'run_finished', at: iso(9 + 7201), result: 'success' }], at(9 + 7201), { runnerId: 'r3' });
    expect((await heartbeat(store.db, { runnerId: 'r3', runIds: [run.id], leaseSeconds: 15 }, at(9 + 7202)))[0]?.state).toBe('finished');
  });

  it('a hook waits while its run is paused and resumes it after the run is resumed', async () => {
    const run = await newRun(0);
    await claim('r1', 1, 1);
    await appendEvents(
      store.db,
      run.id,
      [
        { type: 'node_started', at: iso(2), nodeId: 'build' },
        { type: 'hook_created', at: iso(2), nodeId: 'build', token: TOKEN },
      ],
      at(2),
      {
        runnerId: 'r1',
      },
    );
    const { deliverHook } = await import('./hooks');
    const { result: paused } = await pauseRun(store.db, 'op', { runId: run.id, expectedVersion: (await getRun(store.db, run.id)).rowVersion });
    await expect(deliverHook(store.db, TOKEN, 1, 'local', at(3))).rejects.toMatchObject({ code: 'invalid_transition', status: 409 });
    await resumeRun(store.db, 'op', { runId: run.id, expectedVersion: paused.rowVersion });
    expect(await deliverHook(store.db, TOKEN, undefined, 'local', at(4))).toEqual({ runId: run.id, nodeId: 'build' });
    expect(await nodeStatus(run.id, 'build')).toBe('success');
  });

  it('an upgraded run keeps the hook token: the hook starts it, retires the old run, and the claim skips reused steps', async () => {
    const target = await insertVersion(store.db);
    const run = await newRun(0);
    await claim('r1', 1, 1, 60);
    const done = (nodeId: string, s: number) => [
      { type: 'node_started', at: iso(s), nodeId } as const,
      { type: 'node_succeeded', at: iso(s), nodeId, output: { nodeId } } as const,
    ];
    await appendEvents(
      store.db,
      run.id,
      [
        ...done('build', 2),
        ...done('test', 2),
        ...done('package', 2),
        { type: 'node_skipped', at: iso(2), nodeId: 'notify' },
        { type: 'node_started', at: iso(3), nodeId: 'approve' },
        { type: 'hook_created', at: iso(3), nodeId: 'approve', token: TOKEN },
      ],
      at(3),
      { runnerId: 'r1' },
    );
    await releaseRuns(store.db, { runnerId: 'r1', runIds: [run.id] });
    const { upgradeRun } = await import('@/lib/control/upgrade');
    const { newRun: successor } = await upgradeRun(
      store.db,
      'op',
      { runId: run.id, targetVersionId: target, strategy: 'resume', expectedVersion: (await getRun(store.db, run.id)).rowVersion },
      at(4),
    );
    expect(successor).toMatchObject({ phase: 'queued', waiting: { kind: 'hook', token: TOKEN } });
    expect(await heartbeat(store.db, { runnerId: 'r1', runIds: [run.id], leaseSeconds: 15 }, at(4))).toMatchObject([{ state: 'paused' }]);
    expect(await claim('r2', 5, 5)).toEqual([]); // the new run waits on the hook, the old one is paused

    const { deliverHook } = await import('./hooks');
    expect(await deliverHook(store.db, TOKEN, { ok: true }, 'local', at(6))).toEqual({ runId: successor!.id, nodeId: 'approve' });
    expect((await getRun(store.db, run.id)).phase).toBe('cancelled');
    const [next] = await claim('r2', 5, 7);
    expect(next?.run).toMatchObject({ id: successor!.id, phase: 'running', upgradedFrom: run.id });
    expect(next?.nodes.filter((n) => n.reusedFrom === run.id).map((n) => [n.nodeId, n.status])).toEqual([
      ['approve', 'success'],
      ['build', 'success'],
      ['notify', 'skipped'],
      ['package', 'success'],
      ['test', 'success'],
    ]);
    expect(next?.nodes.find((n) => n.nodeId === 'cool-down')?.status).toBe('pending');
  });

  it('heartbeats extend held leases and report cancel, pause and loss at once', async () => {
    const [a, b, c, d] = [await newRun(0), await newRun(1), await newRun(2), await newRun(3)];
    await claim('r1', 3, 10);
    await claim('r2', 1, 10);
    const version = async (id: string) => (await getRun(store.db, id)).rowVersion;
    await cancelRun(store.db, 'op', { runId: a.id, expectedVersion: await version(a.id) });
    await pauseRun(store.db, 'op', { runId: b.id, expectedVersion: await version(b.id) });
    const beat = await heartbeat(store.db, { runnerId: 'r1', runIds: [a.id, b.id, c.id, d.id, 'run_01JD0000000000000000000000'], leaseSeconds: 30 }, at(12));
    expect(beat.map((r) => [r.runId, r.state])).toEqual([
      [a.id, 'cancelled'],
      [b.id, 'paused'],
      [c.id, 'ok'],
      [d.id, 'lost'],
      ['run_01JD0000000000000000000000', 'lost'],
    ]);
    expect(beat[2]?.leaseExpiresAt).toBe(iso(42));
    expect(beat[3]?.leaseExpiresAt).toBe(iso(25));
    // Releasing frees only the runner's own leases.
    expect(await releaseRuns(store.db, { runnerId: 'r1', runIds: [c.id, d.id] })).toEqual([c.id]);
    expect((await getRun(store.db, d.id)).leaseOwner).toBe('r2');
    expect((await getRun(store.db, c.id)).leaseOwner).toBeNull();
  });
});

import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sunsetVersion } from '@/lib/control/sunset';
import { queryRows } from '@/lib/db/client';
import type { OpenedDb } from '@/lib/db/open';
import { commits, events, nodes, runCounts, runs, stagedArtifacts, versions } from '@/lib/db/schema';
import type { RunEvent } from '@/lib/domain/run-machine';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { appendEvents } from './append-events';
import { createRun } from './create-run';

const t = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();
const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** A whole run of the fixture pipeline: payloads of every JSON kind, a staged retry, offsets and microseconds. */
const WHOLE_RUN: RunEvent[] = [
  { type: 'run_started', at: '2026-11-01T14:00:00.123456+02:00' },
  { type: 'node_started', at: t(2), nodeId: 'build' },
  { type: 'node_succeeded', at: t(3), nodeId: 'build', output: 'a string' },
  { type: 'node_started', at: t(4), nodeId: 'test', staged: { build: digest('a') } },
  { type: 'node_failed', at: t(5), nodeId: 'test', error: [1, 'two', { three: null }] },
  { type: 'node_started', at: t(6), nodeId: 'test', staged: { build: digest('b') } },
  { type: 'node_succeeded', at: t(7), nodeId: 'test', output: 42 },
  { type: 'node_started', at: t(8), nodeId: 'package' },
  { type: 'node_succeeded', at: t(9), nodeId: 'package', output: { nested: { list: [true, false, null] }, text: 'é ✓ "quoted"' } },
  { type: 'node_skipped', at: t(10), nodeId: 'notify', reason: 'condition not met' },
  { type: 'node_started', at: t(11), nodeId: 'approve' },
  { type: 'hook_created', at: t(12), nodeId: 'approve', token: 'hook-token-1' },
  { type: 'hook_received', at: t(13), nodeId: 'approve', token: 'hook-token-1', payload: { by: 'ana' } },
  { type: 'node_succeeded', at: t(14), nodeId: 'approve' },
  { type: 'node_started', at: t(15), nodeId: 'cool-down' },
  { type: 'sleep_started', at: t(15), nodeId: 'cool-down', until: '2026-11-01T14:00:16+00:00' },
  { type: 'sleep_woken', at: t(16), nodeId: 'cool-down' },
  { type: 'node_succeeded', at: t(17), nodeId: 'cool-down' },
  { type: 'run_finished', at: t(18), result: 'success', output: null },
];

async function projection(store: OpenedDb, runId: string) {
  const [run] = await store.db.select().from(runs).where(eq(runs.id, runId));
  const nodeRows = await store.db.select().from(nodes).where(eq(nodes.runId, runId)).orderBy(asc(nodes.nodeId));
  const log = await store.db.select().from(events).where(eq(events.runId, runId)).orderBy(asc(events.seq));
  const staged = await store.db.select().from(stagedArtifacts).where(eq(stagedArtifacts.runId, runId)).orderBy(asc(stagedArtifacts.nodeId));
  const strip = <T extends { runId: string }>(rows: T[]) => rows.map(({ runId: _r, ...rest }) => rest);
  const { id: _id, createdAt: _c, updatedAt: _u, ...runFields } = run!;
  return { run: runFields, nodes: strip(nodeRows), events: strip(log).slice(1), staged: strip(staged) };
}

describe.each(testEngines())('batched ingest writes on $name', (engine) => {
  let store: OpenedDb;
  let versionId: string;
  beforeAll(async () => {
    store = await engine.open();
    versionId = await insertVersion(store.db, { current: true });
  });
  afterAll(() => store.close());

  it('stores a whole run sent as one batch exactly as the same events sent one at a time', async () => {
    const one = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/batch', input: { branch: 'main' } });
    const each = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/batch', input: { branch: 'main' } });
    await appendEvents(store.db, one.id, WHOLE_RUN);
    for (const event of WHOLE_RUN) await appendEvents(store.db, each.id, [event]);
    const batched = await projection(store, one.id);
    const single = await projection(store, each.id);
    // The same projection, except that one batch moved the row version once and single events once each.
    expect({ ...batched, run: { ...batched.run, rowVersion: 0 } }).toEqual({ ...single, run: { ...single.run, rowVersion: 0 } });
    expect([batched.run.rowVersion, single.run.rowVersion]).toEqual([2, WHOLE_RUN.length + 1]);

    expect(batched.run).toMatchObject({ phase: 'finished', result: 'success', output: null, lastSeq: WHOLE_RUN.length + 1 });
    expect(batched.run.startedAt?.toISOString()).toBe('2026-11-01T12:00:00.123Z');
    const byId = Object.fromEntries(batched.nodes.map((n) => [n.nodeId, n]));
    expect(byId.build).toMatchObject({ status: 'success', attempt: 1, output: 'a string', error: null });
    expect(byId.test).toMatchObject({ status: 'success', attempt: 2, output: 42, error: null, stagedManifests: { build: digest('b') } });
    expect(byId.test?.startedAt?.toISOString()).toBe(t(6));
    expect(byId.package?.output).toEqual({ nested: { list: [true, false, null] }, text: 'é ✓ "quoted"' });
    expect(byId.notify).toMatchObject({ status: 'skipped', attempt: 0, startedAt: null });
    expect(batched.staged).toEqual([{ nodeId: 'test', producerId: 'build', digest: digest('b') }]);
    expect(batched.events[0]).toMatchObject({ seq: 2, type: 'run_started', nodeId: null, data: {} });
    expect(batched.events[0]?.at.toISOString()).toBe('2026-11-01T12:00:00.123Z');
    expect(batched.events[4]).toMatchObject({ seq: 6, type: 'node_failed', nodeId: 'test', data: { error: [1, 'two', { three: null }] } });
    expect(batched.events.at(-1)).toMatchObject({ type: 'run_finished', data: { result: 'success', output: null } });
  });

  it('keeps the maintained counters equal to the rows under concurrent batches, pauses and resumes', async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) => createRun(store.db, { workflow: 'pipeline', groupPath: `acme/c${i % 3}`, input: { branch: 'main' } })),
    );
    await Promise.all(created.map((r) => appendEvents(store.db, r.id, [{ type: 'run_started', at: t(1) }])));
    // Half pause while the other half finish; then the paused ones resume while others pause: opposite moves at once.
    await Promise.all(
      created.map((r, i) =>
        i % 2 === 0 ? appendEvents(store.db, r.id, [{ type: 'run_paused', at: t(2) }]) : appendEvents(store.db, r.id, [{ type: 'run_cancelled', at: t(2) }]),
      ),
    );
    await Promise.all(created.filter((_, i) => i % 2 === 0).map((r) => appendEvents(store.db, r.id, [{ type: 'run_resumed', at: t(3) }])));
    const counted = await store.db
      .select({ phase: runCounts.phase, result: runCounts.result, n: runCounts.n })
      .from(runCounts)
      .where(and(eq(runCounts.versionId, versionId), sql`${runCounts.n} <> 0`));
    const actual = await queryRows<{ phase: string; result: string; n: string }>(
      store.db,
      sql`select phase, result, count(*) as n from runs where version_id = ${versionId} group by phase, result`,
    );
    const key = (r: { phase: string; result: string; n: number | string }) => `${r.phase}/${r.result}=${Number(r.n)}`;
    expect(counted.map(key).sort()).toEqual(actual.map(key).sort());
  });

  it('sunsets a draining version once when its last runs finish at the same time', async () => {
    const draining = await insertVersion(store.db);
    const active = await Promise.all(
      Array.from({ length: 8 }, () => createRun(store.db, { workflow: 'pipeline', versionId: draining, groupPath: 'acme/drain', input: { branch: 'x' } })),
    );
    await Promise.all(active.map((r) => appendEvents(store.db, r.id, [{ type: 'run_started', at: t(1) }])));
    const [row] = await store.db.select({ rowVersion: versions.rowVersion }).from(versions).where(eq(versions.id, draining));
    await sunsetVersion(store.db, 'ops', { id: draining, expectedVersion: row!.rowVersion, mode: 'drain' });
    await Promise.all(active.map((r) => appendEvents(store.db, r.id, [{ type: 'run_cancelled', at: t(2), reason: 'stop' }])));
    const [after] = await store.db.select({ status: versions.status }).from(versions).where(eq(versions.id, draining));
    expect(after?.status).toBe('sunset');
    const sunsets = (await store.db.select().from(commits).where(eq(commits.action, 'version.sunset'))).filter((c) =>
      c.changes.some((ch) => ch.id === draining),
    );
    expect(sunsets).toHaveLength(1);
  });
});

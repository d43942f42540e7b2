import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogAppendBody } from '@/lib/contract/logs';
import type { OpenedDb } from '@/lib/db/open';
import { getLogPage, getLogTarget, logTextStream } from '@/lib/db/queries/logs';
import { getRun, listRuns } from '@/lib/db/queries/runs';
import { logAttempts, logChunks, runs } from '@/lib/db/schema';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { appendEvents } from './append-events';
import { createRun } from './create-run';
import { appendLog } from './logs';

const ts = '2026-11-01T12:00:00.000Z';
const lines = (from: number, count: number, prefix = 'line') =>
  Array.from({ length: count }, (_, i) => ({ ts, stream: (i % 7 === 6 ? 'stderr' : 'stdout') as 'stdout' | 'stderr', text: `${prefix} ${from + i}` }));
const batch = (seq: number, body: Partial<LogAppendBody> = {}): LogAppendBody => ({ attempt: 1, seq, lines: lines(seq * 10 + 1, 10), ...body });

describe.each(testEngines())('step log store on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
    await insertVersion(store.db, { current: true });
  });
  afterAll(() => store.close());

  const newRun = async () => (await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/logs', input: { branch: 'main' } })).id;
  const texts = async (runId: string, nodeId = 'build', attempt?: number) =>
    (await getLogPage(store.db, runId, nodeId, { attempt, limit: 10_000 })).lines.map((l) => l.text);
  const download = async (runId: string, nodeId = 'build') => new Response(logTextStream(store.db, await getLogTarget(store.db, runId, nodeId))).text();

  it('stores a batch once: the same seq again, or retries interleaved with new batches, duplicate nothing', async () => {
    const runId = await newRun();
    expect(await appendLog(store.db, runId, 'build', batch(0))).toEqual({ stored: 10, duplicate: false, truncated: false });
    expect(await appendLog(store.db, runId, 'build', batch(0))).toEqual({ stored: 0, duplicate: true, truncated: false });
    await appendLog(store.db, runId, 'build', batch(2));
    await appendLog(store.db, runId, 'build', batch(1));
    await appendLog(store.db, runId, 'build', batch(2));
    await appendLog(store.db, runId, 'build', batch(1));
    const stored = await texts(runId);
    expect(stored).toHaveLength(30);
    // Lines are numbered in the order their batches were stored.
    expect(stored.slice(0, 10)).toEqual(lines(1, 10).map((l) => l.text));
    expect(stored.slice(10, 20)).toEqual(lines(21, 10).map((l) => l.text));
    const page = await getLogPage(store.db, runId, 'build', { limit: 10_000 });
    expect(page.lines.map((l) => l.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(page.lines[6]?.stream).toBe('stderr');
  });

  it('numbers lines without gaps or repeats under concurrent appenders', async () => {
    const runId = await newRun();
    const results = await Promise.all(Array.from({ length: 12 }, (_, seq) => appendLog(store.db, runId, 'build', batch(seq))));
    expect(results.every((r) => r.stored === 10)).toBe(true);
    const page = await getLogPage(store.db, runId, 'build', { limit: 10_000 });
    expect(page.lines.map((l) => l.n)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(new Set(page.lines.map((l) => l.text)).size).toBe(120);
  });

  it('pages with a cursor and splits large batches into parts', async () => {
    const runId = await newRun();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: lines(1, 1200) });
    const parts = await store.db.select().from(logChunks).where(eq(logChunks.runId, runId));
    expect(parts.map((p) => [p.part, p.firstN, p.lastN]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [0, 1, 250],
      [1, 251, 500],
      [2, 501, 750],
      [3, 751, 1000],
      [4, 1001, 1200],
    ]);
    const first = await getLogPage(store.db, runId, 'build', { limit: 499 });
    expect(first.lines.map((l) => l.n)).toEqual(Array.from({ length: 499 }, (_, i) => i + 1));
    expect(first.nextCursor).toBe(499);
    const second = await getLogPage(store.db, runId, 'build', { cursor: 499, limit: 600 });
    expect([second.lines[0]?.n, second.lines.at(-1)?.n, second.nextCursor]).toEqual([500, 1099, 1099]);
    const last = await getLogPage(store.db, runId, 'build', { cursor: 1099, limit: 600 });
    expect([last.lines.length, last.nextCursor]).toEqual([101, null]);
    expect((await getLogPage(store.db, runId, 'build', { cursor: 5000, limit: 10 })).lines).toEqual([]);
  });

  it('keeps each attempt apart and reads the latest by default', async () => {
    const runId = await newRun();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: lines(1, 2, 'first') });
    await appendLog(store.db, runId, 'build', { attempt: 2, seq: 0, lines: lines(1, 1, 'second') });
    const page = await getLogPage(store.db, runId, 'build', { limit: 100 });
    expect([page.attempt, page.lines.map((l) => l.text)]).toEqual([2, ['second 1']]);
    expect(page.attempts.map((a) => [a.attempt, a.lines])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(await texts(runId, 'build', 1)).toEqual(['first 1', 'first 2']);
    // A node with no log yet reads its current attempt, empty.
    expect(await getLogPage(store.db, runId, 'test', { limit: 10 })).toMatchObject({ attempt: 1, attempts: [], lines: [], nextCursor: null });
  });

  it("cuts at the bound, counts what was cut with the writer's own drops, and says so in the download", async () => {
    const runId = await newRun();
    const limitBytes = 100; // "line N\n" is 7–8 bytes: 13 of the first lines fit
    const first = await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: lines(1, 10) }, { limitBytes });
    expect(first).toEqual({ stored: 10, duplicate: false, truncated: false });
    const second = await appendLog(store.db, runId, 'build', { attempt: 1, seq: 1, lines: lines(11, 10), dropped: { lines: 5, bytes: 50 } }, { limitBytes });
    expect(second.truncated).toBe(true);
    expect(second.stored).toBeLessThan(10);
    const third = await appendLog(store.db, runId, 'build', { attempt: 1, seq: 2, lines: lines(21, 3), dropped: { lines: 7, bytes: 70 } }, { limitBytes });
    expect(third).toEqual({ stored: 0, duplicate: false, truncated: true });
    expect(await appendLog(store.db, runId, 'build', { attempt: 1, seq: 2, lines: lines(21, 3) }, { limitBytes })).toMatchObject({ duplicate: true });
    const page = await getLogPage(store.db, runId, 'build', { limit: 100 });
    const info = page.attempts[0]!;
    expect(info.bytes).toBeLessThanOrEqual(limitBytes);
    const kept = page.lines.length;
    const cutOfServer = 23 - kept;
    expect(info.truncated).toEqual({ lines: cutOfServer + 7, bytes: expect.any(Number) });
    expect(info.truncated!.bytes).toBeGreaterThan(70);
    const text = await download(runId);
    expect(text.split('\n').slice(0, kept)).toEqual(page.lines.map((l) => l.text));
    expect(text.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^\\[log truncated: ${cutOfServer + 7} lines \\(`));
  });

  it('streams a download of the whole attempt in order', async () => {
    const runId = await newRun();
    for (let seq = 0; seq < 4; seq++) await appendLog(store.db, runId, 'build', { attempt: 1, seq, lines: lines(seq * 3000 + 1, 3000) });
    const text = await download(runId);
    const got = text.split('\n');
    expect(got).toHaveLength(12_001);
    expect(got[0]).toBe('line 1');
    expect(got[11_999]).toBe('line 12000');
    expect(got[12_000]).toBe('');
  });

  it('marks the attempt ended when the writer says so', async () => {
    const runId = await newRun();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: lines(1, 1) });
    expect((await getLogPage(store.db, runId, 'build', { limit: 1 })).attempts[0]?.ended).toBe(false);
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 1, lines: [], end: true });
    expect((await getLogPage(store.db, runId, 'build', { limit: 1 })).attempts[0]?.ended).toBe(true);
  });

  it('refuses unknown runs and nodes, and a lease the writer does not hold, storing nothing', async () => {
    const runId = await newRun();
    await expect(appendLog(store.db, 'run_01JD0000000000000000000000', 'build', batch(0))).rejects.toMatchObject({ code: 'not_found' });
    await expect(appendLog(store.db, runId, 'nope', batch(0))).rejects.toMatchObject({ code: 'not_found', details: { entity: 'node' } });
    await expect(appendLog(store.db, runId, 'build', batch(0, { lease: { runnerId: 'r1' } }))).rejects.toMatchObject({ code: 'lease_lost', status: 409 });
    await store.db
      .update(runs)
      .set({ leaseOwner: 'r1', leaseExpiresAt: new Date(Date.now() + 60_000) })
      .where(eq(runs.id, runId));
    await expect(appendLog(store.db, runId, 'build', batch(0, { lease: { runnerId: 'r2' } }))).rejects.toMatchObject({ code: 'lease_lost' });
    expect(await store.db.select().from(logChunks).where(eq(logChunks.runId, runId))).toEqual([]);
    expect(await appendLog(store.db, runId, 'build', batch(0, { lease: { runnerId: 'r1' } }))).toMatchObject({ stored: 10 });
  });

  it("deletes a run's logs with the run", async () => {
    const runId = await newRun();
    await appendLog(store.db, runId, 'build', batch(0));
    await appendLog(store.db, runId, 'test', batch(0));
    await store.db.execute(sql`delete from events where run_id = ${runId}`);
    await store.db.delete(runs).where(eq(runs.id, runId));
    expect(await store.db.select().from(logChunks).where(eq(logChunks.runId, runId))).toEqual([]);
    expect(await store.db.select().from(logAttempts).where(eq(logAttempts.runId, runId))).toEqual([]);
  });

  it('gives a failed run its failing step, message and last log lines, and the runs list its one-line reason', async () => {
    const runId = await newRun();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();
    await appendEvents(store.db, runId, [
      { type: 'run_started', at: at(0) },
      { type: 'node_started', at: at(1), nodeId: 'build' },
      { type: 'node_succeeded', at: at(2), nodeId: 'build' },
      { type: 'node_started', at: at(3), nodeId: 'test' },
    ]);
    await appendLog(store.db, runId, 'test', { attempt: 1, seq: 0, lines: lines(1, 30, 'test') });
    await appendEvents(store.db, runId, [
      { type: 'node_failed', at: at(4), nodeId: 'test', error: { message: 'UPGRADE FAILED: pods api-7d9c failed readiness probe' } },
      ...['package', 'notify', 'approve', 'cool-down'].map((nodeId) => ({ type: 'node_skipped' as const, at: at(5), nodeId })),
      { type: 'run_finished', at: at(5), result: 'failed' },
    ]);
    const run = await getRun(store.db, runId);
    expect(run.failure?.nodeId).toBe('test');
    expect(run.failure?.message).toBe('UPGRADE FAILED: pods api-7d9c failed readiness probe');
    expect(run.failure?.lastLines.map((l) => l.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
    expect(run.failureReason).toBe('test: UPGRADE FAILED: pods api-7d9c failed readiness probe');
    const listed = (await listRuns(store.db, { limit: 50 })).items.find((r) => r.id === runId);
    expect(listed?.failureReason).toBe('test: UPGRADE FAILED: pods api-7d9c failed readiness probe');

    const setup = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/logs', input: { branch: 7 } });
    expect(setup.phase).toBe('setuperror');
    const setupRun = await getRun(store.db, setup.id);
    expect(setupRun.failure).toMatchObject({ nodeId: null, lastLines: [] });
    expect(setupRun.failure?.message).toContain('branch');
    expect(setupRun.failureReason).toBe(setupRun.failure?.message.replace(/\s+/g, ' '));

    const fine = await newRun();
    expect((await getRun(store.db, fine)).failure).toBeNull();
    expect((await getRun(store.db, fine)).failureReason).toBeNull();
  });
});

describe.each(testEngines())('step log rows on $name', (engine) => {
  it('never touch the run or node rows per line', async () => {
    const store = await engine.open();
    try {
      await insertVersion(store.db, { current: true });
      const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/logs', input: { branch: 'main' } });
      const before = await store.db.select().from(runs).where(eq(runs.id, run.id));
      const xmin = async () =>
        (await store.db.execute(sql`select xmin::text as x from nodes where run_id = ${run.id} and node_id = 'build'`)) as unknown as { rows: { x: string }[] };
      const nodeBefore = (await xmin()).rows[0]?.x;
      await appendLog(store.db, run.id, 'build', batch(0));
      expect(await store.db.select().from(runs).where(eq(runs.id, run.id))).toEqual(before);
      expect((await xmin()).rows[0]?.x).toBe(nodeBefore);
      expect(
        await store.db
          .select()
          .from(logAttempts)
          .where(and(eq(logAttempts.runId, run.id), eq(logAttempts.nodeId, 'build'))),
      ).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

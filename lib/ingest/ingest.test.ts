import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { OpenedDb } from '@/lib/db/open';
import { countRuns, getRun } from '@/lib/db/queries/runs';
import { events, nodes, runs } from '@/lib/db/schema';
import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { AppError } from '@/lib/errors';
import { insertVersion } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { appendEvents } from './append-events';
import { getBlob, putBlob, putManifest, setArtifactManifest } from './artifacts';
import { createRun } from './create-run';

const t = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();

describe.each(testEngines())('ingest on $name', (engine) => {
  let store: OpenedDb;
  let current: string;
  beforeAll(async () => {
    store = await engine.open();
    current = await insertVersion(store.db, { current: true });
  });
  afterAll(() => store.close());

  it('creates a queued run on the current version with a node per step and a run_created event', async () => {
    const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } });
    expect(run).toMatchObject({ phase: 'queued', result: 'unknown', versionId: current, groupPath: 'acme/web' });
    const detail = await getRun(store.db, run.id);
    expect(detail.nodes.map((n) => n.nodeId).sort()).toEqual(['approve', 'build', 'cool-down', 'notify', 'package', 'test']);
    expect(detail.nodes.find((n) => n.nodeId === 'test')?.needs).toEqual([{ step: 'build', when: 'on_success' }]);
    const log = await store.db.select().from(events).where(eq(events.runId, run.id));
    expect(log.map((e) => [e.seq, e.type])).toEqual([[1, 'run_created']]);
  });

  it('puts a run whose input fails the schema, or with given setup errors, in setuperror', async () => {
    const bad = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 3 } });
    expect(bad.phase).toBe('setuperror');
    expect(bad.setupErrors.join()).toContain('/branch');
    const given = await createRun(store.db, { workflow: 'pipeline', groupPath: 'a', input: { branch: 'x' }, setupErrors: ['config.yml: bad'] });
    expect(given).toMatchObject({ phase: 'setuperror', setupErrors: ['config.yml: bad'] });
    expect((await getRun(store.db, given.id)).nodes).toEqual([]);
  });

  it('refuses runs on a draining or sunset version and unknown workflows', async () => {
    const draining = await insertVersion(store.db, { status: 'draining' });
    await expect(createRun(store.db, { workflow: 'pipeline', versionId: draining, groupPath: 'a', input: { branch: 'x' } })).rejects.toMatchObject({
      code: 'version_not_accepting_runs',
      status: 409,
    });
    await expect(createRun(store.db, { workflow: 'nope', groupPath: 'a', input: {} })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('applies an event batch through the state machine and keeps counters', async () => {
    const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } });
    const before = await countRuns(store.db, {});
    const result = await appendEvents(store.db, run.id, [
      { type: 'run_started', at: t(1) },
      { type: 'node_started', at: t(2), nodeId: 'build' },
      { type: 'node_succeeded', at: t(3), nodeId: 'build', output: { ok: true } },
      { type: 'node_started', at: t(4), nodeId: 'test', staged: { build: `sha256:${'a'.repeat(64)}` } },
      { type: 'node_failed', at: t(5), nodeId: 'test', error: { exit: 2 } },
      { type: 'node_skipped', at: t(6), nodeId: 'package' },
      { type: 'node_started', at: t(7), nodeId: 'notify' },
      { type: 'node_succeeded', at: t(8), nodeId: 'notify' },
      { type: 'node_skipped', at: t(9), nodeId: 'approve' },
      { type: 'node_skipped', at: t(9), nodeId: 'cool-down' },
      { type: 'run_finished', at: t(10), result: 'failed' },
    ]);
    expect(result).toMatchObject({ appended: 11, lastSeq: 12, phase: 'finished', result: 'failed' });
    const detail = await getRun(store.db, run.id);
    expect(detail.finishedAt).toBe(t(10));
    expect(Object.fromEntries(detail.nodes.map((n) => [n.nodeId, n.status]))).toEqual({
      build: 'success',
      test: 'failed',
      package: 'skipped',
      notify: 'success',
      approve: 'skipped',
      'cool-down': 'skipped',
    });
    expect(detail.edges).toEqual([expect.objectContaining({ from: 'build', to: 'test', stale: true })]);
    const after = await countRuns(store.db, {});
    expect(after.byPhase.queued).toBe(before.byPhase.queued - 1);
    expect(after.byPhase.finished).toBe(before.byPhase.finished + 1);
    expect(after.maintained).toBe(true);
  });

  it('rejects a whole batch when one event is impossible, changing nothing', async () => {
    const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } });
    await appendEvents(store.db, run.id, [{ type: 'run_started', at: t(1) }]);
    const digest = await storeDigest(store.db);
    const attempt = appendEvents(store.db, run.id, [
      { type: 'node_started', at: t(2), nodeId: 'build' },
      { type: 'node_succeeded', at: t(3), nodeId: 'build' },
      { type: 'node_succeeded', at: t(4), nodeId: 'build' },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('event 2') });
    expect(await storeDigest(store.db)).toEqual(digest);
  });

  it('tracks sleep and hook waiting on the run', async () => {
    const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } });
    await appendEvents(store.db, run.id, [
      { type: 'run_started', at: t(1) },
      { type: 'node_started', at: t(2), nodeId: 'approve' },
      { type: 'hook_created', at: t(3), nodeId: 'approve', token: 'hook-token-1' },
    ]);
    expect((await getRun(store.db, run.id)).waiting).toEqual({ kind: 'hook', nodeId: 'approve', token: 'hook-token-1', since: t(3) });
    await expect(appendEvents(store.db, run.id, [{ type: 'hook_received', at: t(4), nodeId: 'approve', token: 'wrong-token' }])).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await appendEvents(store.db, run.id, [
      { type: 'hook_received', at: t(4), nodeId: 'approve', token: 'hook-token-1' },
      { type: 'node_succeeded', at: t(5), nodeId: 'approve' },
      { type: 'node_started', at: t(6), nodeId: 'cool-down' },
      { type: 'sleep_started', at: t(6), nodeId: 'cool-down', until: '2026-12-01T00:00:00.000Z' },
    ]);
    expect((await getRun(store.db, run.id)).waiting).toEqual({ kind: 'sleep', nodeId: 'cool-down', until: '2026-12-01T00:00:00.000Z' });
  });

  describe('artifacts', () => {
    const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-blobs-'));
    const blobs = new LocalBlobStore(blobDir);
    const bytes = new TextEncoder().encode('hello artifact\n');
    const digest = sha256Digest(bytes);

    it('stores a blob by verified digest, once', async () => {
      expect(await putBlob(store.db, blobs, digest, bytes)).toMatchObject({ created: true, size: bytes.length });
      expect(await putBlob(store.db, blobs, digest, bytes)).toMatchObject({ created: false });
      expect(Buffer.from(await getBlob(blobs, digest)).toString()).toBe('hello artifact\n');
      await expect(putBlob(store.db, blobs, sha256Digest('other'), bytes)).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('stores manifests by canonical digest and keeps a node manifest across its finish; empty clears', async () => {
      const manifest = buildManifest([{ path: 'dist/app.tar', digest, size: bytes.length }]);
      await putManifest(store.db, manifest.digest, manifest.entries);
      await expect(putManifest(store.db, sha256Digest('x'), manifest.entries)).rejects.toMatchObject({ code: 'invalid_input' });
      const missing = buildManifest([{ path: 'b', digest: sha256Digest('never stored'), size: 3 }]);
      await expect(putManifest(store.db, missing.digest, missing.entries)).rejects.toMatchObject({ code: 'invalid_input' });

      const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } });
      await appendEvents(store.db, run.id, [
        { type: 'run_started', at: t(1) },
        { type: 'node_started', at: t(2), nodeId: 'build' },
      ]);
      await setArtifactManifest(store.db, run.id, 'build', manifest.digest);
      await appendEvents(store.db, run.id, [{ type: 'node_succeeded', at: t(3), nodeId: 'build', output: { size: 1 } }]);
      const [node] = await store.db
        .select()
        .from(nodes)
        .where(eq(nodes.runId, run.id))
        .then((r) => r.filter((n) => n.nodeId === 'build'));
      expect(node).toMatchObject({ artifactManifest: manifest.digest, status: 'success', output: { size: 1 } });
      await setArtifactManifest(store.db, run.id, 'build', '');
      const [cleared] = await store.db
        .select()
        .from(nodes)
        .where(eq(nodes.runId, run.id))
        .then((r) => r.filter((n) => n.nodeId === 'build'));
      expect(cleared?.artifactManifest).toBeNull();
      await expect(setArtifactManifest(store.db, run.id, 'nope', manifest.digest)).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  it('counts by phase match the rows', async () => {
    const counts = await countRuns(store.db, {});
    const rows = await store.db.select({ phase: runs.phase }).from(runs);
    expect(counts.total).toBe(rows.length);
    const scanned = await countRuns(store.db, { group: 'acme' });
    expect(scanned.maintained).toBe(false);
    expect(scanned.total).toBe(rows.length - 1);
  });
});

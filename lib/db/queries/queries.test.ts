import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { OpenedDb } from '@/lib/db/open';
import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { appendEvents } from '@/lib/ingest/append-events';
import { putBlob, putManifest, setArtifactManifest } from '@/lib/ingest/artifacts';
import { createRun } from '@/lib/ingest/create-run';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { getArtifactUsage } from './artifacts';
import { listEvents } from './events';
import { countRuns, listRuns } from './runs';

const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();

describe.each(testEngines())('read queries on $name', (engine) => {
  let store: OpenedDb;
  const runIds: string[] = [];
  let manifestDigest = '';
  const bytes = new TextEncoder().encode('app.tar bytes');
  beforeAll(async () => {
    store = await engine.open();
    await insertVersion(store.db, { current: true });
    for (let i = 0; i < 7; i++) {
      const run = await createRun(
        store.db,
        { workflow: 'pipeline', groupPath: i % 2 ? 'acme/web' : 'acme/web-legacy', input: { branch: `b${i}` } },
        new Date(Date.UTC(2026, 10, 1, i)),
      );
      runIds.push(run.id);
    }
    const blobs = new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-q-')));
    await putBlob(store.db, blobs, sha256Digest(bytes), bytes);
    const m = buildManifest([{ path: 'dist/app.tar', digest: sha256Digest(bytes), size: bytes.length }]);
    await putManifest(store.db, m.digest, m.entries);
    manifestDigest = m.digest;
    const run = runIds[0] as string;
    await appendEvents(store.db, run, [
      { type: 'run_started', at: at(1) },
      { type: 'node_started', at: at(2), nodeId: 'build' },
      { type: 'node_succeeded', at: at(3), nodeId: 'build' },
      { type: 'node_started', at: at(4), nodeId: 'test', staged: { build: m.digest } },
    ]);
    await setArtifactManifest(store.db, run, 'build', m.digest);
  });
  afterAll(() => store.close());

  it('pages runs newest first by keyset without gaps or repeats', async () => {
    const first = await listRuns(store.db, { limit: 3 });
    const second = await listRuns(store.db, { limit: 3, cursor: first.nextCursor ?? undefined });
    const third = await listRuns(store.db, { limit: 3, cursor: second.nextCursor ?? undefined });
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual([...runIds].reverse());
    expect(third.nextCursor).toBeNull();
  });

  it('filters by group path prefix on segment boundaries, time range, id prefix and phase', async () => {
    expect((await listRuns(store.db, { limit: 50, group: 'acme/web' })).items).toHaveLength(3);
    expect((await listRuns(store.db, { limit: 50, group: 'acme' })).items).toHaveLength(7);
    expect((await listRuns(store.db, { limit: 50, from: '2026-11-01T02:00:00Z', to: '2026-11-01T04:30:00Z' })).items).toHaveLength(3);
    expect((await listRuns(store.db, { limit: 50, q: (runIds[3] as string).toLowerCase() })).items.map((r) => r.id)).toEqual([runIds[3]]);
    expect((await listRuns(store.db, { limit: 50, phase: ['running'] })).items.map((r) => r.id)).toEqual([runIds[0]]);
    const counts = await countRuns(store.db, { group: 'acme/web', phase: ['running'] });
    expect(counts.byPhase).toMatchObject({ queued: 3, running: 0 });
  });

  it('lists events in order with type and node filters and a cursor', async () => {
    const run = runIds[0] as string;
    const all = await listEvents(store.db, run, { limit: 2 });
    expect(all.items.map((e) => e.type)).toEqual(['run_created', 'run_started']);
    const rest = await listEvents(store.db, run, { limit: 10, cursor: all.nextCursor ?? undefined });
    expect(rest.items.map((e) => e.seq)).toEqual([3, 4, 5]);
    const build = await listEvents(store.db, run, { limit: 10, node: 'build', type: ['node_succeeded'] });
    expect(build.items).toEqual([expect.objectContaining({ seq: 4, type: 'node_succeeded', nodeId: 'build' })]);
    const staged = await listEvents(store.db, run, { limit: 10, node: 'test' });
    expect(staged.items[0]?.data).toEqual({ staged: { build: manifestDigest } });
  });

  it('finds producers and consumers of a manifest, and of a blob through its manifests', async () => {
    const usage = await getArtifactUsage(store.db, manifestDigest);
    expect(usage).toMatchObject({ kind: 'manifest', fileCount: 1 });
    expect(usage.producedBy).toEqual([expect.objectContaining({ runId: runIds[0], nodeId: 'build' })]);
    expect(usage.consumedBy).toEqual([expect.objectContaining({ runId: runIds[0], nodeId: 'test', producerId: 'build' })]);
    const blob = await getArtifactUsage(store.db, sha256Digest(bytes));
    expect(blob).toMatchObject({ kind: 'blob', manifests: [manifestDigest], size: bytes.length });
    expect(blob.producedBy).toHaveLength(1);
    await expect(getArtifactUsage(store.db, sha256Digest('nothing'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

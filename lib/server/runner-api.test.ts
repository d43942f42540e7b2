import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as blobRoute from '@/app/api/v1/blobs/[digest]/route';
import * as hookRoute from '@/app/api/v1/hooks/[token]/route';
import * as manifestRoute from '@/app/api/v1/manifests/[digest]/route';
import * as cacheRoute from '@/app/api/v1/runner/cache/route';
import * as claimRoute from '@/app/api/v1/runner/claim/route';
import * as heartbeatRoute from '@/app/api/v1/runner/heartbeat/route';
import * as releaseRoute from '@/app/api/v1/runner/release/route';
import * as eventsRoute from '@/app/api/v1/runs/[runId]/events/route';
import * as artifactRoute from '@/app/api/v1/runs/[runId]/nodes/[nodeId]/artifact-manifest/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { CacheResponse, ClaimResponse, HeartbeatResponse, HookResponse, ReleaseResponse } from '@/lib/contract/runner';
import type { OpenedDb } from '@/lib/db/open';
import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { createRun } from '@/lib/ingest/create-run';
import { insertVersion } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://127.0.0.1/api/v1';
const json = (body: unknown, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const TOKEN = `hk_${'Z'.repeat(40)}`;
const now = () => new Date().toISOString();

describe.each(testEngines())('runner API on $name', (engine) => {
  let store: OpenedDb;
  let runId = '';
  beforeAll(async () => {
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-runner-api-'))) });
    await insertVersion(store.db, { current: true });
    runId = (await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } })).id;
  });
  afterAll(() => store.close());

  const claim = (body: unknown) => claimRoute.POST(new Request(`${BASE}/runner/claim`, json(body)), {});
  const beat = (body: unknown) => heartbeatRoute.POST(new Request(`${BASE}/runner/heartbeat`, json(body)), {});
  const release = (body: unknown) => releaseRoute.POST(new Request(`${BASE}/runner/release`, json(body)), {});
  const events = (id: string, body: unknown) => eventsRoute.POST(new Request(`${BASE}/runs/${id}/events`, json(body)), ctx({ runId: id }));
  const hook = (token: string, init: RequestInit = { method: 'POST' }) => hookRoute.POST(new Request(`${BASE}/hooks/${token}`, init), ctx({ token }));
  const cache = (query: string) => cacheRoute.GET(new Request(`${BASE}/runner/cache?${query}`), {});
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it.each([
    ['runner id with a space', { runnerId: 'a b', capacity: 1 }],
    ['runner id too long', { runnerId: 'x'.repeat(101), capacity: 1 }],
    ['capacity 0', { runnerId: 'r', capacity: 0 }],
    ['capacity 65', { runnerId: 'r', capacity: 65 }],
    ['lease of 1 s', { runnerId: 'r', capacity: 1, leaseSeconds: 1 }],
    ['lease of 301 s', { runnerId: 'r', capacity: 1, leaseSeconds: 301 }],
    ['unknown field', { runnerId: 'r', capacity: 1, extra: true }],
  ])('claim refuses %s with 400 and changes nothing', async (_name, body) => {
    const before = await storeDigest(store.db);
    const res = await claim(body);
    expect(res.status).toBe(400);
    expect(await code(res)).toBe('invalid_input');
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('claims, heartbeats, refuses writes under a lease it lost, and releases', async () => {
    const res = await claim({ runnerId: 'host-1:w0', capacity: 4, leaseSeconds: 30 });
    expect(res.status).toBe(200);
    const { runs } = (await res.json()) as ClaimResponse;
    expect(runs.map((r) => r.run.id)).toEqual([runId]);
    expect(runs[0]).toMatchObject({
      run: { phase: 'running', leaseOwner: 'host-1:w0' },
      versionId: expect.stringMatching(/^vers_/),
      leaseExpiresAt: expect.any(String),
    });

    const ok = await events(runId, { events: [{ type: 'node_started', at: now(), nodeId: 'build' }], lease: { runnerId: 'host-1:w0' } });
    expect(ok.status).toBe(200);
    const weakToken = await events(runId, {
      events: [{ type: 'hook_created', at: now(), nodeId: 'build', token: 'short-token-1' }],
      lease: { runnerId: 'host-1:w0' },
    });
    expect(weakToken.status).toBe(400);

    const lost = await events(runId, { events: [{ type: 'node_succeeded', at: now(), nodeId: 'build' }], lease: { runnerId: 'someone-else' } });
    expect(lost.status).toBe(409);
    expect(await lost.json()).toEqual({ error: { code: 'lease_lost', message: expect.stringContaining('someone-else'), runId, runnerId: 'someone-else' } });
    const manifestLost = await artifactRoute.PUT(
      new Request(`${BASE}/runs/${runId}/nodes/build/artifact-manifest`, json({ digest: '', lease: { runnerId: 'someone-else' } }, 'PUT')),
      ctx({ runId, nodeId: 'build' }),
    );
    expect(manifestLost.status).toBe(409);

    const hb = (await (await beat({ runnerId: 'host-1:w0', runIds: [runId] })).json()) as HeartbeatResponse;
    expect(hb.runs).toEqual([{ runId, state: 'ok', leaseExpiresAt: expect.any(String) }]);
    expect(((await (await beat({ runnerId: 'other', runIds: [runId] })).json()) as HeartbeatResponse).runs[0]?.state).toBe('lost');
    expect((await beat({ runnerId: 'r', runIds: ['not-a-run'] })).status).toBe(400);

    const rel = (await (await release({ runnerId: 'host-1:w0', runIds: [runId] })).json()) as ReleaseResponse;
    expect(rel).toEqual({ released: [runId] });
    // Released with a step in flight: the next claim requeues it.
    const again = (await (await claim({ runnerId: 'host-2', capacity: 1 })).json()) as ClaimResponse;
    expect(again.runs[0]?.nodes.find((n) => n.nodeId === 'build')).toMatchObject({ status: 'pending', attempt: 1 });
  });

  it('delivers hooks by token: 400 for a malformed token, 404 for an unknown or used one', async () => {
    const lease = { runnerId: 'host-2' };
    const setup = await events(runId, {
      events: [
        { type: 'node_started', at: now(), nodeId: 'build' },
        { type: 'hook_created', at: now(), nodeId: 'build', token: TOKEN },
      ],
      lease,
    });
    expect(setup.status).toBe(200);
    expect((await hook('bad/token')).status).toBe(400);
    expect((await hook('short')).status).toBe(400);
    const unknown = await hook(`hk_${'Y'.repeat(40)}`);
    expect(unknown.status).toBe(404);
    expect(await code(unknown)).toBe('not_found');
    expect(JSON.stringify(await hook(`hk_${'Y'.repeat(40)}`).then((r) => r.json()))).not.toContain('YYYY');

    const done = await hook(TOKEN, json({ payload: { approved: true } }));
    expect(done.status).toBe(200);
    expect((await done.json()) as HookResponse).toEqual({ runId, nodeId: 'build' });
    expect((await hook(TOKEN, json({ payload: 1 }))).status).toBe(404);
    expect((await hook(TOKEN, json({ nope: 1 }))).status).toBe(400);
  });

  it('answers cache lookups: a hit carries the producer manifest; other inputs miss', async () => {
    const bytes = new TextEncoder().encode('artifact bytes');
    const blob = sha256Digest(bytes);
    expect((await blobRoute.PUT(new Request(`${BASE}/blobs/${blob}`, { method: 'PUT', body: bytes }), ctx({ digest: blob }))).status).toBeLessThan(300);
    const manifest = buildManifest([{ path: 'dist/app.tar', digest: blob, size: bytes.length }]);
    expect(
      (await manifestRoute.PUT(new Request(`${BASE}/manifests/${manifest.digest}`, json(manifest.entries, 'PUT')), ctx({ digest: manifest.digest }))).status,
    ).toBeLessThan(300);
    const set = await artifactRoute.PUT(
      new Request(`${BASE}/runs/${runId}/nodes/build/artifact-manifest`, json({ digest: manifest.digest, lease: { runnerId: 'host-2' } }, 'PUT')),
      ctx({ runId, nodeId: 'build' }),
    );
    expect(set.status).toBe(200);
    const claimed = (await store.db.query.nodes.findFirst({ where: (n, { and, eq }) => and(eq(n.runId, runId), eq(n.nodeId, 'build')) }))!;
    const signature = claimed.signature;

    const hit = (await (await cache(`signature=${signature}`)).json()) as CacheResponse;
    expect(hit).toEqual({ hit: { runId, nodeId: 'build', manifest: manifest.digest, output: { approved: true }, finishedAt: expect.any(String) } });
    const emptyStaged = (await (await cache(`signature=${signature}&staged=${encodeURIComponent('{}')}`)).json()) as CacheResponse;
    expect(emptyStaged.hit?.manifest).toBe(manifest.digest);
    const otherInputs = (await (
      await cache(`signature=${signature}&staged=${encodeURIComponent(JSON.stringify({ build: manifest.digest }))}`)
    ).json()) as CacheResponse;
    expect(otherInputs).toEqual({ hit: null });
    const otherStep = (await (await cache(`signature=${sha256Digest('another step')}`)).json()) as CacheResponse;
    expect(otherStep).toEqual({ hit: null });
    expect((await cache(`signature=${signature}&staged=not-json`)).status).toBe(400);
    expect((await cache(`signature=${signature}&staged=${encodeURIComponent('{"build":"nope"}')}`)).status).toBe(400);
    expect((await cache('signature=abc')).status).toBe(400);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commitRoute from '@/app/api/v1/commits/[id]/route';
import * as commitsRoute from '@/app/api/v1/commits/route';
import * as cancelRoute from '@/app/api/v1/runs/[runId]/cancel/route';
import * as pauseRoute from '@/app/api/v1/runs/[runId]/pause/route';
import * as upgradeRoute from '@/app/api/v1/runs/[runId]/upgrade/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import * as drainRoute from '@/app/api/v1/versions/[id]/drain/route';
import * as versionRoute from '@/app/api/v1/versions/[id]/route';
import * as sunsetRoute from '@/app/api/v1/versions/[id]/sunset/route';
import * as versionsRoute from '@/app/api/v1/versions/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { OpenedDb } from '@/lib/db/open';
import { PIPELINE } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://127.0.0.1/api/v1';
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const post = (url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
  new Request(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe.each(testEngines())('control API on $name', (engine) => {
  let store: OpenedDb;
  let versionId = '';
  beforeAll(async () => {
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-ctl-'))) });
  });
  afterAll(() => store.close());

  it('creates a version: 201, Location, ETag, digest and signatures', async () => {
    const res = await versionsRoute.POST(post(`${BASE}/versions`, { manifest: PIPELINE, address: 'https://v1.example', label: 'v1' }), {});
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      rowVersion: number;
      manifestDigest: string;
      signatures: Record<string, Record<string, string>>;
      isCurrent: boolean;
    };
    versionId = body.id;
    expect(res.headers.get('location')).toBe(`/api/v1/versions/${body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(body).toMatchObject({ isCurrent: true, manifestDigest: expect.stringMatching(/^sha256:/) });
    expect(Object.keys(body.signatures.pipeline ?? {})).toHaveLength(6);
  });

  it('takes the expected version from If-Match and answers a stale one with the structured 409', async () => {
    const ok = await versionRoute.PATCH(post(`${BASE}/versions/${versionId}`, { label: 'first' }, { 'if-match': '"1"' }, 'PATCH'), ctx({ id: versionId }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const before = await storeDigest(store.db);
    const stale = await versionRoute.PATCH(post(`${BASE}/versions/${versionId}`, { label: 'second', expectedVersion: 1 }, {}, 'PATCH'), ctx({ id: versionId }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      error: { code: 'conflict', entity: 'version', id: versionId, expected: 1, actual: 2, message: expect.any(String) },
    });
    const missing = await versionRoute.PATCH(post(`${BASE}/versions/${versionId}`, { label: 'third' }, {}, 'PATCH'), ctx({ id: versionId }));
    expect(missing.status).toBe(400);
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('refuses a safe sunset of the current version and reports the drain breakdown', async () => {
    await runsRoute.POST(post(`${BASE}/runs`, { workflow: 'pipeline', groupPath: 'a', input: { branch: 'x' } }), {});
    const drain = await drainRoute.GET(new Request(`${BASE}/versions/${versionId}/drain`), ctx({ id: versionId }));
    expect(await drain.json()).toMatchObject({ total: 1, counts: { queued: 1 } });
    const res = await sunsetRoute.POST(post(`${BASE}/versions/${versionId}/sunset`, { mode: 'safe', expectedVersion: 2 }), ctx({ id: versionId }));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('current version') } });
  });

  it('returns an upgrade dry run report and a 409 incompatible report for a failing input', async () => {
    const v2 = (await (
      await versionsRoute.POST(
        post(`${BASE}/versions`, {
          manifest: { workflows: { pipeline: { ...PIPELINE.workflows.pipeline, input: { type: 'object', required: ['region'] } } } },
          address: 'https://v2.example',
        }),
        {},
      )
    ).json()) as { id: string };
    const created = (await (await runsRoute.POST(post(`${BASE}/runs`, { workflow: 'pipeline', groupPath: 'a', input: { branch: 'y' } }), {})).json()) as {
      id: string;
    };
    const dry = await upgradeRoute.POST(
      post(`${BASE}/runs/${created.id}/upgrade`, { targetVersionId: v2.id, strategy: 'restart', dryRun: true }),
      ctx({ runId: created.id }),
    );
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, report: { compatible: false, input: { problems: [{ path: '/region' }] } }, newRun: null });
    const real = await upgradeRoute.POST(
      post(`${BASE}/runs/${created.id}/upgrade`, { targetVersionId: v2.id, strategy: 'restart', expectedVersion: 1 }),
      ctx({ runId: created.id }),
    );
    expect(real.status).toBe(409);
    expect(await real.json()).toMatchObject({ error: { code: 'incompatible', report: { reasons: [expect.stringContaining('/region')] } } });
  });

  it('pauses and cancels a run with If-Match, answering a stale version with 409', async () => {
    const run = (await (await runsRoute.POST(post(`${BASE}/runs`, { workflow: 'pipeline', groupPath: 'ops', input: { branch: 'z' } }), {})).json()) as {
      id: string;
    };
    const paused = await pauseRoute.POST(
      new Request(`${BASE}/runs/${run.id}/pause`, { method: 'POST', headers: { 'if-match': '"1"' } }),
      ctx({ runId: run.id }),
    );
    expect(paused.status).toBe(200);
    expect(paused.headers.get('etag')).toBe('"2"');
    expect(await paused.json()).toMatchObject({ phase: 'paused' });
    const stale = await cancelRoute.POST(post(`${BASE}/runs/${run.id}/cancel`, { expectedVersion: 1, reason: 'no longer needed' }), ctx({ runId: run.id }));
    expect(stale.status).toBe(409);
    const cancelled = await cancelRoute.POST(post(`${BASE}/runs/${run.id}/cancel`, { expectedVersion: 2, reason: 'no longer needed' }), ctx({ runId: run.id }));
    expect(await cancelled.json()).toMatchObject({ phase: 'cancelled', result: 'stopped' });
    const history = (await (await commitsRoute.GET(new Request(`${BASE}/commits?entity=run&id=${run.id}`), {})).json()) as {
      items: { action: string; reason: string | null; actor: string }[];
    };
    expect(history.items).toEqual([
      expect.objectContaining({ action: 'run.cancel', reason: 'no longer needed', actor: 'local' }),
      expect.objectContaining({ action: 'run.pause' }),
    ]);
  });

  it('lists commits by entity and shows before/after', async () => {
    const list = (await (await commitsRoute.GET(new Request(`${BASE}/commits?entity=version&id=${versionId}`), {})).json()) as {
      items: { id: string; action: string }[];
    };
    expect(list.items.map((c) => c.action)).toEqual(['version.update', 'version.create']);
    const detail = await commitRoute.GET(new Request(`${BASE}/commits/${list.items[0]!.id}`), ctx({ id: list.items[0]!.id }));
    expect(await detail.json()).toMatchObject({ changes: [{ entity: 'version', before: { label: 'v1' }, after: { label: 'first' } }] });
  });
});

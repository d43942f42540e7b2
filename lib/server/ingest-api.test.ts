import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catchAll from '@/app/api/v1/[...path]/route';
import * as blobRoute from '@/app/api/v1/blobs/[digest]/route';
import * as healthRoute from '@/app/api/v1/health/route';
import * as manifestRoute from '@/app/api/v1/manifests/[digest]/route';
import * as eventsRoute from '@/app/api/v1/runs/[runId]/events/route';
import * as artifactRoute from '@/app/api/v1/runs/[runId]/nodes/[nodeId]/artifact-manifest/route';
import * as runRoute from '@/app/api/v1/runs/[runId]/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { OpenedDb } from '@/lib/db/open';
import { sha256Digest } from '@/lib/domain/digest';
import { insertVersion } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://127.0.0.1/api/v1';
const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const at = '2026-11-01T12:00:00Z';
const UNKNOWN_RUN = 'run_01JD0000000000000000000000';
const big = (n: number) => 'x'.repeat(n);

type Call = (ids: { run: string; started: string }) => Promise<Response>;

describe.each(testEngines())('ingest API on $name', (engine) => {
  let store: OpenedDb;
  const ids = { run: '', started: '' };
  beforeAll(async () => {
    store = await engine.open();
    const blobs = new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-api-')));
    provideStore({ ...store, blobs });
    await insertVersion(store.db, { current: true });
    const created = await runsRoute.POST(new Request(`${BASE}/runs`, json({ workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } })), {});
    expect(created.status).toBe(201);
    const run = (await created.json()) as { id: string };
    expect(created.headers.get('location')).toBe(`/api/v1/runs/${run.id}`);
    ids.run = run.id;
    const second = (await (
      await runsRoute.POST(new Request(`${BASE}/runs`, json({ workflow: 'pipeline', groupPath: 'a', input: { branch: 'b' } })), {})
    ).json()) as { id: string };
    ids.started = second.id;
    const ok = await eventsRoute.POST(
      new Request(`${BASE}/runs/${second.id}/events`, json({ events: [{ type: 'run_started', at }] })),
      ctx({ runId: second.id }),
    );
    expect(ok.status).toBe(200);
  });
  afterAll(() => store.close());

  it('reports health with engine and schema version', async () => {
    const res = await healthRoute.GET(new Request(`${BASE}/health`), {});
    expect(await res.json()).toEqual({ ok: true, engine: engine.name, schemaVersion: store.schemaVersion });
  });

  it('serves a created run', async () => {
    const res = await runRoute.GET(new Request(`${BASE}/runs/${ids.run}`), ctx({ runId: ids.run }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ids.run, phase: 'queued', nodes: expect.any(Array) });
  });

  const createRun = (body: unknown, init?: RequestInit) => runsRoute.POST(new Request(`${BASE}/runs`, { ...json(body), ...init }), {});
  const postEvents = (runId: string, body: unknown, init?: RequestInit) =>
    eventsRoute.POST(new Request(`${BASE}/runs/${runId}/events`, { ...json(body), ...init }), ctx({ runId }));
  const setManifest = (runId: string, nodeId: string, body: unknown) =>
    artifactRoute.PUT(new Request(`${BASE}/runs/${runId}/nodes/${nodeId}/artifact-manifest`, json(body, 'PUT')), ctx({ runId, nodeId }));
  const putBlob = (digest: string, body: BodyInit, headers: Record<string, string> = {}) =>
    blobRoute.PUT(new Request(`${BASE}/blobs/${digest}`, { method: 'PUT', body, headers }), ctx({ digest }));
  const putManifest = (digest: string, body: unknown) => manifestRoute.PUT(new Request(`${BASE}/manifests/${digest}`, json(body, 'PUT')), ctx({ digest }));
  const ev = (extra: Record<string, unknown>) => ({ events: [{ at, ...extra }] });
  const d = sha256Digest('never stored');
  const bytes = new TextEncoder().encode('payload');

  const cases: [string, number, Call][] = [
    ['run: not JSON', 400, () => createRun('{"workflow": ')],
    ['run: text/plain', 415, () => createRun({ workflow: 'pipeline' }, { headers: { 'content-type': 'text/plain' } })],
    ['run: empty body', 400, () => createRun('')],
    ['run: array body', 400, () => createRun([])],
    ['run: null body', 400, () => createRun('null')],
    ['run: workflow is a number', 400, () => createRun({ workflow: 1, groupPath: 'a' })],
    ['run: workflow missing', 400, () => createRun({ groupPath: 'a' })],
    ['run: groupPath missing', 400, () => createRun({ workflow: 'pipeline' })],
    ['run: groupPath traversal', 400, () => createRun({ workflow: 'pipeline', groupPath: '../etc/passwd' })],
    ['run: unknown field', 400, () => createRun({ workflow: 'pipeline', groupPath: 'a', input: { branch: 'x' }, admin: true })],
    ['run: versionId malformed', 400, () => createRun({ workflow: 'pipeline', groupPath: 'a', versionId: "vers_1' or 1=1" })],
    ['run: versionId unknown', 404, () => createRun({ workflow: 'pipeline', groupPath: 'a', versionId: 'vers_01JD0000000000000000000000' })],
    ['run: setupErrors not an array', 400, () => createRun({ workflow: 'pipeline', groupPath: 'a', setupErrors: 'bad' })],
    ['run: setupErrors with empty string', 400, () => createRun({ workflow: 'pipeline', groupPath: 'a', setupErrors: [''] })],
    ['run: oversized body', 413, () => createRun({ workflow: 'pipeline', groupPath: 'a', input: { blob: big(2_000_000) } })],
    ['run: unknown workflow', 400, () => createRun({ workflow: 'nope', groupPath: 'a' })],
    ['run: huge workflow name', 400, () => createRun({ workflow: big(10_000), groupPath: 'a' })],
    ['run: unicode control chars in group', 400, () => createRun({ workflow: 'pipeline', groupPath: 'a/\u0000/b' })],
    ['events: not an array', 400, ({ run }) => postEvents(run, { events: {} })],
    ['events: empty', 400, ({ run }) => postEvents(run, { events: [] })],
    ['events: unknown type', 400, ({ run }) => postEvents(run, ev({ type: 'run_exploded' }))],
    ['events: run_created from an engine', 400, ({ run }) => postEvents(run, ev({ type: 'run_created' }))],
    ['events: missing at', 400, ({ run }) => postEvents(run, { events: [{ type: 'run_started' }] })],
    ['events: at not a date', 400, ({ run }) => postEvents(run, ev({ type: 'run_started', at: 'yesterday' }))],
    ['events: nodeId missing', 400, ({ started }) => postEvents(started, ev({ type: 'node_started' }))],
    ['events: extra field', 400, ({ run }) => postEvents(run, ev({ type: 'run_started', sneaky: 1 }))],
    ['events: bad result', 400, ({ started }) => postEvents(started, ev({ type: 'run_finished', result: 'meh' }))],
    ['events: 1001 events', 400, ({ run }) => postEvents(run, { events: Array.from({ length: 1001 }, () => ({ type: 'run_started', at })) })],
    ['events: node before run start', 409, ({ run }) => postEvents(run, ev({ type: 'node_started', nodeId: 'build' }))],
    ['events: unknown node', 409, ({ started }) => postEvents(started, ev({ type: 'node_started', nodeId: 'ghost' }))],
    ['events: run id malformed', 400, () => postEvents('run_../../etc', ev({ type: 'run_started' }))],
    ['events: run id unknown', 404, () => postEvents(UNKNOWN_RUN, ev({ type: 'run_started' }))],
    ['events: hook token too short', 400, ({ started }) => postEvents(started, ev({ type: 'hook_created', nodeId: 'approve', token: 'x' }))],
    ['events: staged bad digest', 400, ({ started }) => postEvents(started, ev({ type: 'node_started', nodeId: 'test', staged: { build: 'md5:1' } }))],
    [
      'events: valid then invalid shape',
      400,
      ({ run }) =>
        postEvents(run, {
          events: [
            { type: 'run_started', at },
            { type: 'nope', at },
          ],
        }),
    ],
    ['events: finish with open nodes', 409, ({ started }) => postEvents(started, ev({ type: 'run_finished', result: 'success' }))],
    ['events: second start', 409, ({ started }) => postEvents(started, ev({ type: 'run_started' }))],
    ['events: oversized body', 413, ({ run }) => postEvents(run, ev({ type: 'run_paused', reason: big(1_100_000) }))],
    ['manifest ref: digest malformed', 400, ({ run }) => setManifest(run, 'build', { digest: 'sha256:xyz' })],
    ['manifest ref: digest not stored', 400, ({ run }) => setManifest(run, 'build', { digest: d })],
    ['manifest ref: node id traversal', 400, ({ run }) => setManifest(run, '../build', { digest: '' })],
    ['manifest ref: body missing digest', 400, ({ run }) => setManifest(run, 'build', {})],
    ['manifest ref: uppercase hex', 400, ({ run }) => setManifest(run, 'build', { digest: d.toUpperCase() })],
    ['blob: digest mismatch', 400, () => putBlob(sha256Digest('other'), bytes)],
    ['blob: traversal digest', 400, () => putBlob('sha256:../../../etc/passwd', bytes)],
    ['blob: declared too large', 413, () => putBlob(sha256Digest(bytes), bytes, { 'content-length': String(1e9) })],
    ['blob: unknown', 404, () => blobRoute.GET(new Request(`${BASE}/blobs/${d}`), ctx({ digest: d }))],
    ['manifest: not an array', 400, () => putManifest(d, { path: 'a' })],
    ['manifest: absolute path', 400, () => putManifest(d, [{ path: '/etc/passwd', digest: d, size: 1 }])],
    ['manifest: negative size', 400, () => putManifest(d, [{ path: 'a', digest: d, size: -1 }])],
    ['manifest: NaN size', 400, () => putManifest(d, `[{"path":"a","digest":"${d}","size":NaN}]`)],
    ['manifest: digest mismatch', 400, () => putManifest(d, [{ path: 'a', digest: d, size: 1 }])],
    [
      'manifest: duplicate paths',
      400,
      () =>
        putManifest(d, [
          { path: 'a', digest: d, size: 1 },
          { path: 'a', digest: d, size: 1 },
        ]),
    ],
    ['manifest: unknown', 404, () => manifestRoute.GET(new Request(`${BASE}/manifests/${d}`), ctx({ digest: d }))],
    ['unknown API route', 404, () => catchAll.POST(new Request(`${BASE}/nothing/here`, { method: 'POST' }))],
  ];

  it(`answers ${cases.length} malformed requests with 4xx JSON errors and leaves the store unchanged`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const before = await storeDigest(store.db);
    for (const [name, status, call] of cases) {
      const res = await call(ids);
      const text = await res.text();
      expect.soft(res.status, name).toBe(status);
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      expect.soft(typeof body.error?.code, name).toBe('string');
      expect.soft(typeof body.error?.message, name).toBe('string');
      expect.soft(text, name).not.toMatch(/\n\s+at |select |insert |update /i);
    }
    expect(await storeDigest(store.db)).toEqual(before);
  });
});

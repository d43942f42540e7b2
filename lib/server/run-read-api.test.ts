import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/v1/runs/[runId]/events/route';
import * as nodeRoute from '@/app/api/v1/runs/[runId]/nodes/[nodeId]/route';
import * as runRoute from '@/app/api/v1/runs/[runId]/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { NodeDto, RunDetail } from '@/lib/contract/runs';
import type { OpenedDb } from '@/lib/db/open';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://127.0.0.1/api/v1';
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const post = (url: string, body: unknown) => new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s)).toISOString();

describe.each(testEngines())('reading a run on $name', (engine) => {
  let store: OpenedDb;
  let runId = '';
  const getRun = (headers: Record<string, string> = {}) => runRoute.GET(new Request(`${BASE}/runs/${runId}`, { headers }), ctx({ runId }));
  const append = (events: unknown[]) => eventsRoute.POST(post(`${BASE}/runs/${runId}/events`, { events }), ctx({ runId }));

  beforeAll(async () => {
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-read-'))) });
    await insertVersion(store.db, { current: true });
    const created = await runsRoute.POST(post(`${BASE}/runs`, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } }), {});
    runId = ((await created.json()) as { id: string }).id;
    const ok = await append([
      { type: 'run_started', at: at(1) },
      { type: 'node_started', nodeId: 'build', at: at(2) },
      { type: 'node_succeeded', nodeId: 'build', at: at(3), output: { image: 'app:1', log: 'x'.repeat(5_000) } },
      { type: 'node_started', nodeId: 'test', at: at(4) },
      { type: 'node_failed', nodeId: 'test', at: at(5), error: { message: 'three tests failed' } },
    ]);
    expect(ok.status, await ok.clone().text()).toBe(200);
  });
  afterAll(() => store.close());

  it('carries node summaries only: no input, output or error of any node', async () => {
    const res = await getRun();
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunDetail;
    expect(run.nodes.find((n) => n.nodeId === 'build')).toMatchObject({ status: 'success', attempt: 1, startedAt: at(2), finishedAt: at(3) });
    for (const node of run.nodes) expect(Object.keys(node).filter((k) => ['input', 'output', 'error'].includes(k))).toEqual([]);
    expect(JSON.stringify(run)).not.toContain('xxxxx');
  });

  it('serves one node with its payloads, and 404 for an unknown node or run', async () => {
    const build = await nodeRoute.GET(new Request(`${BASE}/runs/${runId}/nodes/build`), ctx({ runId, nodeId: 'build' }));
    expect(build.status).toBe(200);
    expect((await build.json()) as NodeDto).toMatchObject({ nodeId: 'build', status: 'success', input: null, output: { image: 'app:1' }, error: null });
    const failed = (await (await nodeRoute.GET(new Request(`${BASE}/runs/${runId}/nodes/test`), ctx({ runId, nodeId: 'test' }))).json()) as NodeDto;
    expect(failed).toMatchObject({ status: 'failed', error: { message: 'three tests failed' } });

    const missing = await nodeRoute.GET(new Request(`${BASE}/runs/${runId}/nodes/deploy`), ctx({ runId, nodeId: 'deploy' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('deploy') } });
    const otherRun = 'run_01JD0000000000000000000000';
    const noRun = await nodeRoute.GET(new Request(`${BASE}/runs/${otherRun}/nodes/build`), ctx({ runId: otherRun, nodeId: 'build' }));
    expect(noRun.status).toBe(404);
    expect(await noRun.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining(otherRun) } });
    const bad = await nodeRoute.GET(new Request(`${BASE}/runs/nope/nodes/build`), ctx({ runId: 'nope', nodeId: 'build' }));
    expect(bad.status).toBe(400);
  });

  it('answers 304 with no body while the run is unchanged, and the new body once it changes', async () => {
    const first = await getRun();
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/".+"$/);
    const same = await getRun({ 'if-none-match': tag! });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(tag);
    expect((await getRun({ 'if-none-match': `"other", ${tag}` })).status).toBe(304);
    expect((await getRun({ 'if-none-match': '"something-else"' })).status).toBe(200);

    expect((await append([{ type: 'node_started', nodeId: 'notify', at: at(6) }])).status).toBe(200);
    const changed = await getRun({ 'if-none-match': tag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(((await changed.json()) as RunDetail).nodes.find((n) => n.nodeId === 'notify')?.status).toBe('running');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogAppendResult, LogPage } from '@/lib/contract/logs';
import type { OpenedDb } from '@/lib/db/open';
import { createRun } from '@/lib/ingest/create-run';
import { routes } from '@/lib/routes';
import { dispatch } from '@/lib/testing/dispatch';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://127.0.0.1';
const post = (path: string, body: unknown) =>
  dispatch(new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
const get = (path: string, headers: Record<string, string> = {}) => dispatch(new Request(`${BASE}${path}`, { headers }));
const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout') => ({ ts: '2026-11-01T12:00:00.000Z', stream, text });

describe.each(testEngines())('step logs over HTTP on $name', (engine) => {
  let store: OpenedDb;
  let runId = '';
  beforeAll(async () => {
    store = await engine.open();
    provideStore({ ...store, blobs: { put: async () => {}, get: async () => null } } as never);
    await insertVersion(store.db, { current: true });
    runId = (await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/web', input: { branch: 'main' } })).id;
  });
  afterAll(() => store.close());

  it('appends, reads pages and downloads the attempt as text', async () => {
    const first = await post(routes.api.runNodeLogs(runId, 'build'), { attempt: 1, seq: 0, lines: [line('compiling'), line('warning: x', 'stderr')] });
    expect(first.status).toBe(200);
    expect((await first.json()) as LogAppendResult).toEqual({ stored: 2, duplicate: false, truncated: false });
    const again = await post(routes.api.runNodeLogs(runId, 'build'), { attempt: 1, seq: 0, lines: [line('compiling'), line('warning: x', 'stderr')] });
    expect(await again.json()).toEqual({ stored: 0, duplicate: true, truncated: false });
    await post(routes.api.runNodeLogs(runId, 'build'), { attempt: 1, seq: 1, lines: [line('done')], end: true });

    const page = (await (await get(routes.api.runNodeLogs(runId, 'build', { limit: 2 }))).json()) as LogPage;
    expect(page.lines.map((l) => [l.n, l.stream, l.text])).toEqual([
      [1, 'stdout', 'compiling'],
      [2, 'stderr', 'warning: x'],
    ]);
    expect(page.nextCursor).toBe(2);
    expect(page.attempts).toEqual([{ attempt: 1, lines: 3, bytes: 26, truncated: null, ended: true }]);
    const rest = (await (await get(routes.api.runNodeLogs(runId, 'build', { cursor: 2 }))).json()) as LogPage;
    expect(rest.lines.map((l) => l.text)).toEqual(['done']);
    expect(rest.nextCursor).toBeNull();

    for (const res of [
      await get(routes.api.runNodeLogs(runId, 'build'), { accept: 'text/plain' }),
      await get(routes.api.runNodeLogs(runId, 'build', { format: 'text' })),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${runId}-build-1.log"`);
      expect(await res.text()).toBe('compiling\nwarning: x\ndone\n');
    }
  });

  it('streams an ended attempt as server-sent events, resuming after Last-Event-ID', async () => {
    const res = await get(routes.api.runNodeLogStream(runId, 'build'), { 'last-event-id': '1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('id: 3\nevent: lines\ndata: ');
    const data = JSON.parse(/event: lines\ndata: (.*)\n/.exec(text)?.[1] ?? '[]') as { n: number; text: string }[];
    expect(data.map((l) => [l.n, l.text])).toEqual([
      [2, 'warning: x'],
      [3, 'done'],
    ]);
    expect(text).toMatch(/event: end\ndata: \{"attempt":1,"lines":3,/);
    expect((await get(routes.api.runNodeLogStream(runId, 'build'), { 'last-event-id': 'abc' })).status).toBe(400);
  });

  it('searches the logs', async () => {
    const res = await get(routes.api.logSearch({ q: 'warning' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [{ runId, nodeId: 'build', line: { n: 2, text: 'warning: x' } }] });
    expect((await get(routes.api.logSearch({ q: 'x' }))).status).toBe(400);
  });

  it('answers 404 for an unknown run or node, 400 for a bad batch', async () => {
    const unknownRun = await post(routes.api.runNodeLogs('run_01JD0000000000000000000000', 'build'), { attempt: 1, seq: 0, lines: [] });
    expect(unknownRun.status).toBe(404);
    const unknownNode = await post(routes.api.runNodeLogs(runId, 'nope'), { attempt: 1, seq: 0, lines: [] });
    expect(unknownNode.status).toBe(404);
    expect(((await unknownNode.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await get(routes.api.runNodeLogs(runId, 'nope'))).status).toBe(404);
    expect((await post(routes.api.runNodeLogs(runId, 'build'), { attempt: 0, seq: 0, lines: [] })).status).toBe(400);
  });
});

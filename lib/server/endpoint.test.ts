import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import * as healthRoute from '@/app/api/v1/health/route';
import * as runRoute from '@/app/api/v1/runs/[runId]/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import { endpoint } from './endpoint';
import { getStore } from './store';

vi.mock('./store', () => ({ getStore: vi.fn() }));
const mockedStore = vi.mocked(getStore);

const BASE = 'http://127.0.0.1/api/v1';
const RUN = 'run_01JD0000000000000000000000';
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe('endpoint(): request ids and internal errors', () => {
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    logged.mockRestore();
    mockedStore.mockReset();
  });

  it('hides an internal error behind a request id that the server log has, with the cause', async () => {
    const cause = new Error('relation "runs" does not exist: SELECT * FROM runs');
    mockedStore.mockRejectedValue(cause);
    const res = await runRoute.GET(new Request(`${BASE}/runs/${RUN}`), ctx({ runId: RUN }));
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as { error: { requestId: string } };
    expect(body).toEqual({ error: { code: 'internal', message: 'internal server error', requestId: expect.any(String) } });
    expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
    expect(text).not.toMatch(/relation|SELECT|at .*\.ts/);
    expect(logged).toHaveBeenCalledTimes(1);
    const [line, logCause] = logged.mock.calls[0]!;
    expect(String(line)).toContain(body.error.requestId);
    expect(logCause).toBe(cause);
  });

  it("keeps the caller's sane x-request-id, in the header and the log", async () => {
    mockedStore.mockRejectedValue(new TypeError('boom'));
    const res = await runsRoute.GET(new Request(`${BASE}/runs`, { headers: { 'x-request-id': 'req-42.a_b' } }), {});
    expect(res.headers.get('x-request-id')).toBe('req-42.a_b');
    expect(await res.json()).toMatchObject({ error: { requestId: 'req-42.a_b' } });
    expect(String(logged.mock.calls[0]![0])).toContain('req-42.a_b');
  });

  it('replaces an insane x-request-id with a fresh one', async () => {
    mockedStore.mockRejectedValue(new Error('boom'));
    const res = await runsRoute.GET(new Request(`${BASE}/runs`, { headers: { 'x-request-id': `x${'y'.repeat(200)}` } }), {});
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tags successes and expected errors with a request id too, and logs neither', async () => {
    mockedStore.mockResolvedValue({ engine: 'pglite', schemaVersion: 2 } as Awaited<ReturnType<typeof getStore>>);
    const ok = await healthRoute.GET(new Request(`${BASE}/health`), {});
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    const bad = await runRoute.GET(new Request(`${BASE}/runs/nope`), ctx({ runId: 'nope' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-request-id')).toBeTruthy();
    expect(await bad.json()).not.toHaveProperty('error.requestId');
    expect(logged).not.toHaveBeenCalled();
  });

  it('tags the handler with its endpoint key', () => {
    expect(runRoute.GET.endpointKey).toBe('GET /api/v1/runs/{runId}');
  });
});

describe('endpoint(): input parsed by the endpoint table', () => {
  const echo = async (input: { params: unknown; query: unknown; body: unknown }) =>
    Response.json({ params: input.params, query: input.query, body: input.body });
  const events = endpoint('GET /api/v1/runs/{runId}/events', echo);
  const hook = endpoint('POST /api/v1/hooks/{token}', echo);
  const blob = endpoint('PUT /api/v1/blobs/{digest}', async ({ body }) => Response.json({ bytes: [...body] }));
  const HOOK = 'tok-12345678';
  const DIGEST = `sha256:${'a'.repeat(64)}`;

  it('authorizes before it reads any input: a refused caller never learns that the input was bad', async () => {
    const res = await events(new Request('http://10.0.0.5/api/v1/runs/nope/events?limit=x', { headers: { host: '10.0.0.5' } }), ctx({ runId: 'nope' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden', reason: 'not_loopback' } });
  });

  it('hands the handler params and query parsed, defaults filled in', async () => {
    const res = await events(new Request(`${BASE}/runs/${RUN}/events?node=build`), ctx({ runId: RUN }));
    expect(await res.json()).toEqual({ params: { runId: RUN }, query: { node: 'build', limit: 100 } });
  });

  it('answers a bad param, then a bad query, with 400 and the field', async () => {
    const badParam = await events(new Request(`${BASE}/runs/nope/events?limit=x`), ctx({ runId: 'nope' }));
    expect(await badParam.json()).toMatchObject({ error: { code: 'invalid_input', fields: { runId: [expect.any(String)] } } });
    const badQuery = await events(new Request(`${BASE}/runs/${RUN}/events?limit=x`), ctx({ runId: RUN }));
    expect(badQuery.status).toBe(400);
    expect(await badQuery.json()).toMatchObject({ error: { fields: { limit: [expect.any(String)] } } });
  });

  it('takes an optional body left out as {}, and parses one that is sent', async () => {
    const url = `${BASE}/hooks/${HOOK}`;
    const none = await hook(new Request(url, { method: 'POST' }), ctx({ token: HOOK }));
    expect(await none.json()).toMatchObject({ body: {} });
    const sent = await hook(
      new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"payload":[1]}' }),
      ctx({ token: HOOK }),
    );
    expect(await sent.json()).toMatchObject({ body: { payload: [1] } });
    const text = await hook(new Request(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), ctx({ token: HOOK }));
    expect(text.status).toBe(415);
  });

  it('hands a binary body over as bytes, refusing one past its limit with 413', async () => {
    const url = `${BASE}/blobs/${DIGEST}`;
    const ok = await blob(new Request(url, { method: 'PUT', body: new Uint8Array([1, 2, 3]) }), ctx({ digest: DIGEST }));
    expect(await ok.json()).toEqual({ bytes: [1, 2, 3] });
    const big = await blob(new Request(url, { method: 'PUT', headers: { 'content-length': String(1e12) }, body: new Uint8Array(1) }), ctx({ digest: DIGEST }));
    expect(big.status).toBe(413);
  });
});

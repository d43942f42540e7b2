import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import * as healthRoute from '@/app/api/v1/health/route';
import * as runRoute from '@/app/api/v1/runs/[runId]/route';
import * as runsRoute from '@/app/api/v1/runs/route';
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

import { describe, expect, it } from 'vitest';
import { allowedMethods, apiGate, decideApiRequest } from './api-gate';

const BASE = 'http://127.0.0.1';
const RUN = 'run_01JD0000000000000000000000';

describe('decideApiRequest', () => {
  it('passes a known path with one of its methods', () => {
    expect(decideApiRequest('GET', '/api/v1/runs')).toEqual({ kind: 'pass', template: '/api/v1/runs' });
    expect(decideApiRequest('POST', `/api/v1/runs/${RUN}/events`)).toEqual({ kind: 'pass', template: '/api/v1/runs/{runId}/events' });
    expect(decideApiRequest('GET', '/api/v1/runs/counts')).toEqual({ kind: 'pass', template: '/api/v1/runs/counts' });
    expect(decideApiRequest('HEAD', '/api/v1/health')).toEqual({ kind: 'pass', template: '/api/v1/health' });
    expect(decideApiRequest('GET', '/api/v1/openapi.json')).toEqual({ kind: 'pass', template: '/api/v1/openapi.json' });
  });

  it('passes ids the route itself must judge (malformed ones are a 400 there, not a 404 here)', () => {
    expect(decideApiRequest('GET', '/api/v1/runs/not-a-run-id').kind).toBe('pass');
    expect(decideApiRequest('GET', '/api/v1/blobs/sha256%3A..%2F..%2Fetc').kind).toBe('pass');
  });

  it('refuses a wrong method on a known path with the methods it has', () => {
    expect(decideApiRequest('DELETE', '/api/v1/runs')).toEqual({
      kind: 'method_not_allowed',
      template: '/api/v1/runs',
      allow: ['GET', 'POST', 'HEAD', 'OPTIONS'],
    });
    expect(decideApiRequest('PUT', '/api/v1/health').kind).toBe('method_not_allowed');
    expect(decideApiRequest('patch', `/api/v1/versions/vers_x`).kind).toBe('method_not_allowed');
    expect(decideApiRequest('BREW', '/api/v1/runs').kind).toBe('method_not_allowed');
    expect(decideApiRequest('HEAD', `/api/v1/runs/${RUN}/cancel`).kind).toBe('method_not_allowed');
  });

  it('answers OPTIONS on a known path', () => {
    expect(decideApiRequest('OPTIONS', `/api/v1/versions/vers_x`)).toEqual({ kind: 'options', allow: ['GET', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] });
  });

  it('does not know paths no endpoint has, inside or outside /api/v1', () => {
    for (const p of ['/api', '/api/', '/api/v2/runs', '/api/v1', '/api/v1/nothing', '/api/v1/runs/a/b/c', '/api/v1/runs//events', '/api/runs']) {
      expect(decideApiRequest('GET', p), p).toEqual({ kind: 'not_found' });
    }
    expect(decideApiRequest('OPTIONS', '/api/v1/nothing')).toEqual({ kind: 'not_found' });
  });

  it('refuses a path that is not valid percent-encoding', () => {
    expect(decideApiRequest('GET', '/api/v1/runs/%E0%A4%A')).toEqual({ kind: 'bad_path' });
    expect(decideApiRequest('GET', '/api/v1/runs/%zz')).toEqual({ kind: 'bad_path' });
  });

  it('allows HEAD with GET and OPTIONS always', () => {
    expect(allowedMethods(['GET'])).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods(['POST'])).toEqual(['POST', 'OPTIONS']);
  });
});

describe('apiGate', () => {
  const gate = (method: string, path: string, headers: Record<string, string> = {}) => apiGate(new Request(`${BASE}${path}`, { method, headers }));

  it('lets a known request through', () => {
    expect(gate('GET', '/api/v1/runs')).toBeNull();
  });

  it('answers 405 in the error envelope with Allow and a request id', async () => {
    const res = gate('DELETE', '/api/v1/runs', { 'x-request-id': 'abc-123' })!;
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: {
        code: 'method_not_allowed',
        message: 'DELETE is not allowed on /api/v1/runs; allowed: GET, POST, HEAD, OPTIONS',
        allow: ['GET', 'POST', 'HEAD', 'OPTIONS'],
      },
    });
  });

  it('answers 404 in the error envelope for an unknown path', async () => {
    const res = gate('POST', '/api/nothing')!;
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no API route POST /api/nothing' } });
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const res = gate('OPTIONS', `/api/v1/runs/${RUN}/events`)!;
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(await res.text()).toBe('');
  });

  it('answers 400 for a broken percent-encoding and ignores an insane request id', async () => {
    const res = gate('GET', '/api/v1/runs/%E0%A4%A', { 'x-request-id': 'a b\tc' })!;
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).not.toBe('a b\tc');
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

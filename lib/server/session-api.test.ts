import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as pauseRoute from '@/app/api/v1/runs/[runId]/pause/route';
import * as resumeRoute from '@/app/api/v1/runs/[runId]/resume/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import * as sessionRoute from '@/app/api/v1/session/route';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import { createToken } from '@/lib/control/tokens';
import { createVersion } from '@/lib/control/versions';
import { queryRows } from '@/lib/db/client';
import type { OpenedDb } from '@/lib/db/open';
import { listCommits } from '@/lib/db/queries/commits';
import { createRun } from '@/lib/ingest/create-run';
import { PIPELINE } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const ORIGIN = 'http://10.0.0.5:3000';
const BASE = `${ORIGIN}/api/v1`;
const HOST = { host: '10.0.0.5:3000' };
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const json = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
  new Request(url, {
    method,
    headers: { ...HOST, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function cookieOf(res: Response): { header: string; value: string } {
  const header = res.headers.get('set-cookie') ?? '';
  const value = /^flowdeck_session=([^;]*)/.exec(header)?.[1] ?? '';
  return { header, value: decodeURIComponent(value) };
}

describe.each(testEngines())('dashboard sessions on $name', (engine) => {
  let store: OpenedDb;
  let operator = { id: '', secret: '' };
  let admin = { id: '', secret: '' };
  let runId = '';
  let cookie = '';

  beforeAll(async () => {
    vi.stubEnv('FLOWDECK_AUTH', 'required');
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-session-'))) });
    const a = await createToken(store.db, 'local', { name: 'root', role: 'admin' });
    const o = await createToken(store.db, 'local', { name: 'ops-alice', role: 'operator' });
    admin = { id: a.token.id, secret: a.secret };
    operator = { id: o.token.id, secret: o.secret };
    await createVersion(store.db, 'local', { manifest: PIPELINE, address: 'https://v1.example' });
    runId = (await createRun(store.db, { workflow: 'pipeline', groupPath: 's', input: { branch: 'main' } })).id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await store.close();
  });

  it('a failed sign-in is a 401 that writes nothing (not even the session key)', async () => {
    const before = await storeDigest(store.db);
    const res = await sessionRoute.POST(json('POST', `${BASE}/session`, { origin: ORIGIN }, { token: `fdk_${'x'.repeat(43)}` }), {});
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const res = await sessionRoute.POST(json('POST', `${BASE}/session`, { origin: 'http://evil.example' }, { token: operator.secret }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
  });

  it('signs in: an httpOnly, SameSite=Strict, Path=/ cookie of at most 12 hours holding a signed value, never the token', async () => {
    const res = await sessionRoute.POST(json('POST', `${BASE}/session`, { origin: ORIGIN }, { token: operator.secret }), {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ authRequired: true, caller: { actor: 'ops-alice', role: 'operator', via: 'session', tokenId: operator.id } });
    const c = cookieOf(res);
    expect(c.header).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Expires=/);
    expect(c.header).not.toContain('Secure');
    expect(Number(/Max-Age=(\d+)/.exec(c.header)?.[1])).toBeLessThanOrEqual(12 * 3600);
    expect(c.value).toMatch(/^s1\.tok_/);
    expect(c.header).not.toContain(operator.secret.slice(4));
    cookie = `flowdeck_session=${encodeURIComponent(c.value)}`;
    const [secretRow] = await queryRows<{ value: string }>(store.db, sql`select value from meta where key = 'session_secret'`);
    expect(secretRow?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks the cookie Secure behind https', async () => {
    const res = await sessionRoute.POST(json('POST', `${BASE}/session`, { 'x-forwarded-proto': 'https' }, { token: operator.secret }), {});
    expect(cookieOf(res).header).toMatch(/; Secure$/);
  });

  it('GET /session says who is signed in (null without a session, never a 401)', async () => {
    const anon = await sessionRoute.GET(new Request(`${BASE}/session`, { headers: HOST }), {});
    expect(await anon.json()).toEqual({ authRequired: true, caller: null });
    const bad = await sessionRoute.GET(new Request(`${BASE}/session`, { headers: { ...HOST, cookie: 'flowdeck_session=s1.forged.1.x' } }), {});
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ authRequired: true, caller: null });
    const me = await sessionRoute.GET(new Request(`${BASE}/session`, { headers: { ...HOST, cookie } }), {});
    expect(await me.json()).toMatchObject({ caller: { actor: 'ops-alice', role: 'operator', via: 'session', expiresAt: expect.any(String) } });
  });

  it('reads with the cookie; refuses a forged one', async () => {
    expect((await runsRoute.GET(new Request(`${BASE}/runs`, { headers: { ...HOST, cookie } }), {})).status).toBe(200);
    const forged = cookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    const res = await runsRoute.GET(new Request(`${BASE}/runs`, { headers: { ...HOST, cookie: forged } }), {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { reason: 'session_ended' } });
  });

  it('cookie writes need their own Origin (403 csrf otherwise, nothing changes); bearer writes do not', async () => {
    const pause = (headers: Record<string, string>) =>
      pauseRoute.POST(json('POST', `${BASE}/runs/${runId}/pause`, { cookie, ...headers }, { expectedVersion: 1 }), ctx({ runId }));
    const crossSite: Record<string, string>[] = [{}, { origin: 'http://evil.example' }, { origin: 'null' }, { origin: 'http://10.0.0.5:3001' }];
    for (const headers of crossSite) {
      const before = await storeDigest(store.db);
      const res = await pause(headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
      expect(await storeDigest(store.db)).toEqual(before);
    }
    const ok = await pause({ origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect((await listCommits(store.db, { limit: 1 })).items[0]).toMatchObject({ action: 'run.pause', actor: 'ops-alice' });
    const viaBearer = await resumeRoute.POST(
      json('POST', `${BASE}/runs/${runId}/resume`, { authorization: `Bearer ${operator.secret}` }, { expectedVersion: 2 }),
      ctx({ runId }),
    );
    expect(viaBearer.status).toBe(200);
  });

  it('signs out: the cookie is cleared', async () => {
    const res = await sessionRoute.DELETE(new Request(`${BASE}/session`, { method: 'DELETE', headers: { ...HOST, cookie, origin: ORIGIN } }), {});
    expect(res.status).toBe(204);
    expect(cookieOf(res).header).toMatch(/^flowdeck_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
  });

  it('a session ends when its token is revoked', async () => {
    const revoke = await tokenRoute.DELETE(
      new Request(`${BASE}/tokens/${operator.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin.secret}` } }),
      ctx({ id: operator.id }),
    );
    expect(revoke.status).toBe(204);
    const res = await runsRoute.GET(new Request(`${BASE}/runs`, { headers: { ...HOST, cookie } }), {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { reason: 'revoked' } });
    const signIn = await sessionRoute.POST(json('POST', `${BASE}/session`, {}, { token: operator.secret }), {});
    expect(signIn.status).toBe(401);
  });
});

describe.each(testEngines())('authentication off (loopback) on $name', (engine) => {
  let store: OpenedDb;
  let runId = '';
  beforeAll(async () => {
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-local-'))) });
    await createVersion(store.db, 'local', { manifest: PIPELINE, address: 'https://v1.example' });
    runId = (await createRun(store.db, { workflow: 'pipeline', groupPath: 'l', input: { branch: 'main' } })).id;
  });
  afterAll(() => store.close());
  afterEach(() => vi.unstubAllEnvs());

  it('serves everyone as the local admin; commits are by `local`', async () => {
    const url = 'http://127.0.0.1:3000/api/v1';
    const session = await sessionRoute.GET(new Request(`${url}/session`, { headers: { host: '127.0.0.1:3000' } }), {});
    expect(await session.json()).toEqual({ authRequired: false, caller: { actor: 'local', role: 'admin', via: 'local', tokenId: null, expiresAt: null } });
    const res = await pauseRoute.POST(
      json('POST', `${url}/runs/${runId}/pause`, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, { expectedVersion: 1 }),
      ctx({ runId }),
    );
    expect(res.status).toBe(200);
    expect((await listCommits(store.db, { limit: 1 })).items[0]).toMatchObject({ action: 'run.pause', actor: 'local' });
  });

  it('refuses requests addressed to another name (DNS rebinding) and cross-site writes', async () => {
    const rebound = await runsRoute.GET(new Request('http://evil.example:3000/api/v1/runs', { headers: { host: 'evil.example:3000' } }), {});
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden', reason: 'not_loopback' } });
    const before = await storeDigest(store.db);
    const crossSite = await resumeRoute.POST(
      json('POST', `http://127.0.0.1:3000/api/v1/runs/${runId}/resume`, { host: '127.0.0.1:3000', origin: 'http://evil.example' }, { expectedVersion: 2 }),
      ctx({ runId }),
    );
    expect(crossSite.status).toBe(403);
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('refuses to sign in: there is nothing to sign in to', async () => {
    const res = await sessionRoute.POST(
      json('POST', 'http://127.0.0.1:3000/api/v1/session', { host: '127.0.0.1:3000' }, { token: `fdk_${'x'.repeat(43)}` }),
      {},
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining('authentication is off') } });
  });

  it('is required when the bind host is unknown', async () => {
    vi.stubEnv('FLOWDECK_BIND_HOST', '');
    expect((await runsRoute.GET(new Request('http://127.0.0.1:3000/api/v1/runs'), {})).status).toBe(401);
    vi.stubEnv('FLOWDECK_BIND_HOST', '0.0.0.0');
    expect((await runsRoute.GET(new Request('http://127.0.0.1:3000/api/v1/runs'), {})).status).toBe(401);
  });
});

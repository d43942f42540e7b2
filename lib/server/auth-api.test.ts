import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as healthRoute from '@/app/api/v1/health/route';
import * as pauseRoute from '@/app/api/v1/runs/[runId]/pause/route';
import * as runsRoute from '@/app/api/v1/runs/route';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import * as versionRoute from '@/app/api/v1/versions/[id]/route';
import * as sunsetRoute from '@/app/api/v1/versions/[id]/sunset/route';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import { createToken } from '@/lib/control/tokens';
import { createVersion } from '@/lib/control/versions';
import { queryRows } from '@/lib/db/client';
import type { OpenedDb } from '@/lib/db/open';
import { listCommits } from '@/lib/db/queries/commits';
import { hashTokenSecret } from '@/lib/domain/token-secret';
import { createRun } from '@/lib/ingest/create-run';
import { PIPELINE } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { provideStore } from './store';

const BASE = 'http://10.0.0.5:3000/api/v1';
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
const send = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
  new Request(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The error body and status of a refused request, which must leave every table as it was. */
async function refused(db: OpenedDb['db'], call: () => Promise<Response>): Promise<{ status: number; error: Record<string, unknown>; res: Response }> {
  const before = await storeDigest(db);
  const res = await call();
  expect(await storeDigest(db)).toEqual(before);
  const { error } = (await res.json()) as { error: Record<string, unknown> };
  return { status: res.status, error, res };
}

describe.each(testEngines())('authentication and roles on $name', (engine) => {
  let store: OpenedDb;
  const secrets: Record<'admin' | 'operator' | 'viewer', string> = { admin: '', operator: '', viewer: '' };
  const ids: Record<string, string> = {};
  let versionId = '';
  let spareVersionId = '';
  let runId = '';

  beforeAll(async () => {
    vi.stubEnv('FLOWDECK_AUTH', 'required');
    store = await engine.open();
    provideStore({ ...store, blobs: new LocalBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-auth-'))) });
    // The first admin is made on the store itself (as `flowdeck token create` does without a server).
    const boot = await createToken(store.db, 'local', { name: 'root-admin', role: 'admin' });
    secrets.admin = boot.secret;
    ids.admin = boot.token.id;
    versionId = (await createVersion(store.db, 'local', { manifest: PIPELINE, address: 'https://v1.example' })).result.id;
    spareVersionId = (await createVersion(store.db, 'local', { manifest: PIPELINE })).result.id;
    runId = (await createRun(store.db, { workflow: 'pipeline', groupPath: 'auth', input: { branch: 'main' } })).id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await store.close();
  });

  it('creates tokens (admin): 201 with the secret once, Location, no-store; only a hash is stored', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      const res = await tokensRoute.POST(send('POST', `${BASE}/tokens`, bearer(secrets.admin), { name: `ci-${role}`, role }), {});
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { token: { id: string; name: string; role: string; state: string }; secret: string };
      expect(body.token).toMatchObject({ name: `ci-${role}`, role, state: 'active' });
      expect(res.headers.get('location')).toBe(`/api/v1/tokens/${body.token.id}`);
      expect(body.secret).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
      secrets[role] = body.secret;
      ids[role] = body.token.id;
    }
    const rows = await queryRows<{ secret_hash: string; row: string }>(
      store.db,
      sql`select secret_hash, t::text as row from tokens t where id = ${ids.operator}`,
    );
    expect(rows[0]?.secret_hash).toBe(hashTokenSecret(secrets.operator));
    const everything = JSON.stringify(await queryRows(store.db, sql`select t::text from tokens t union all select c::text from commits c`));
    for (const secret of Object.values(secrets)) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(4));
    }
    // Commits record the token without its hash.
    expect(JSON.stringify(await queryRows(store.db, sql`select c::text from commits c`))).not.toContain(hashTokenSecret(secrets.operator));
  });

  it('records token changes as commits by the admin token name, never the hash or secret', async () => {
    const page = await listCommits(store.db, { entity: 'token', limit: 10 });
    expect(page.items.map((c) => [c.action, c.actor])).toEqual([
      ['token.create', 'root-admin'],
      ['token.create', 'root-admin'],
      ['token.create', 'local'],
    ]);
  });

  it('lists tokens without secrets or hashes; refuses a taken name', async () => {
    const res = await tokensRoute.GET(get(`${BASE}/tokens`, bearer(secrets.admin)), {});
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).items.map((t: { name: string }) => t.name)).toEqual(['ci-viewer', 'ci-operator', 'root-admin']);
    expect(text).not.toMatch(/secret|sha256:|fdk_/);
    const taken = await refused(store.db, () =>
      tokensRoute.POST(send('POST', `${BASE}/tokens`, bearer(secrets.admin), { name: 'ci-viewer', role: 'viewer' }), {}),
    );
    expect(taken).toMatchObject({ status: 409, error: { code: 'name_taken' } });
    const reserved = await refused(store.db, () =>
      tokensRoute.POST(send('POST', `${BASE}/tokens`, bearer(secrets.admin), { name: 'local', role: 'admin' }), {}),
    );
    expect(reserved).toMatchObject({ status: 400, error: { code: 'invalid_input', message: expect.stringContaining('reserved') } });
  });

  it('401 without, with a malformed and with an unknown token (WWW-Authenticate), changing nothing', async () => {
    const none = await refused(store.db, () => runsRoute.GET(get(`${BASE}/runs`), {}));
    expect(none).toMatchObject({ status: 401, error: { code: 'unauthorized', reason: 'missing' } });
    expect(none.res.headers.get('www-authenticate')).toBe('Bearer realm="flowdeck"');
    expect(await refused(store.db, () => runsRoute.GET(get(`${BASE}/runs`, { authorization: `Basic ${btoa('a:b')}` }), {}))).toMatchObject({
      status: 401,
      error: { reason: 'malformed' },
    });
    const unknown = `fdk_${'A'.repeat(43)}`;
    const res = await refused(store.db, () => runsRoute.GET(get(`${BASE}/runs`, bearer(unknown)), {}));
    expect(res).toMatchObject({ status: 401, error: { reason: 'unknown_token' } });
    expect(JSON.stringify(res.error)).not.toContain(unknown);
  });

  it('public endpoints answer without a token', async () => {
    expect((await healthRoute.GET(get(`${BASE}/health`), {})).status).toBe(200);
    expect((await healthRoute.GET(get(`${BASE}/health`, bearer(`fdk_${'B'.repeat(43)}`)), {})).status).toBe(200);
  });

  it('a read: 200 for every role', async () => {
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      expect((await runsRoute.GET(get(`${BASE}/runs`, bearer(secrets[role])), {})).status).toBe(200);
    }
  });

  it('an operator action: 403 for a viewer (nothing changes), 200 for an operator with the token name as actor', async () => {
    const pause = (role: keyof typeof secrets) =>
      pauseRoute.POST(send('POST', `${BASE}/runs/${runId}/pause`, { ...bearer(secrets[role]), 'if-match': '"1"' }), ctx({ runId }));
    const denied = await refused(store.db, () => pause('viewer'));
    expect(denied).toMatchObject({
      status: 403,
      error: { code: 'forbidden', required: 'operator', role: 'viewer', message: expect.stringContaining('ci-viewer is viewer') },
    });
    const ok = await pause('operator');
    expect(ok.status).toBe(200);
    const [last] = (await listCommits(store.db, { limit: 1 })).items;
    expect(last).toMatchObject({ action: 'run.pause', actor: 'ci-operator' });
  });

  it('admin actions: 403 for viewer and operator, 204/200 for an admin', async () => {
    const del = (role: keyof typeof secrets) =>
      versionRoute.DELETE(send('DELETE', `${BASE}/versions/${spareVersionId}`, { ...bearer(secrets[role]), 'if-match': '"1"' }), ctx({ id: spareVersionId }));
    expect(await refused(store.db, () => del('viewer'))).toMatchObject({ status: 403 });
    expect(await refused(store.db, () => del('operator'))).toMatchObject({ status: 403, error: { required: 'admin' } });
    expect((await del('admin')).status).toBe(204);

    const force = (role: keyof typeof secrets) =>
      sunsetRoute.POST(
        send('POST', `${BASE}/versions/${versionId}/sunset`, bearer(secrets[role]), { mode: 'force', reason: 'test', expectedVersion: 1 }),
        ctx({ id: versionId }),
      );
    expect(await refused(store.db, () => force('viewer'))).toMatchObject({ status: 403, error: { required: 'operator' } });
    expect(await refused(store.db, () => force('operator'))).toMatchObject({
      status: 403,
      error: { required: 'admin', message: expect.stringContaining('forced sunset') },
    });
    // Authorized: the admin reaches the registry, which refuses to retire the current version (409, not 403).
    expect((await force('admin')).status).toBe(409);
    expect((await tokensRoute.GET(get(`${BASE}/tokens`, bearer(secrets.operator)), {})).status).toBe(403);
  });

  it('records last use on success only, at most once a minute', async () => {
    const lastUsed = async (id: string) =>
      (await queryRows<{ t: string | null }>(store.db, sql`select last_used_at::text as t from tokens where id = ${id}`))[0]?.t;
    const before = await lastUsed(ids.viewer as string);
    expect(before).not.toBeNull();
    await runsRoute.GET(get(`${BASE}/runs`, bearer(secrets.viewer)), {});
    expect(await lastUsed(ids.viewer as string)).toBe(before);
    await store.db.execute(sql`update tokens set last_used_at = now() - interval '2 minutes' where id = ${ids.viewer}`);
    const aged = await lastUsed(ids.viewer as string);
    await runsRoute.GET(get(`${BASE}/runs`, bearer(secrets.viewer)), {});
    expect(await lastUsed(ids.viewer as string)).not.toBe(aged);
  });

  it('expired tokens: 401 naming the expiry', async () => {
    const old = await createToken(store.db, 'local', { name: 'short-lived', role: 'admin', expiresIn: '1m' }, new Date(Date.now() - 5 * 60_000));
    const res = await refused(store.db, () => runsRoute.GET(get(`${BASE}/runs`, bearer(old.secret)), {}));
    expect(res).toMatchObject({ status: 401, error: { reason: 'expired', message: expect.stringMatching(/"short-lived" expired on \d{4}-/) } });
  });

  it('revokes (admin): 204, then 401 for the token; again is 204 without a second commit; never the last admin', async () => {
    const revoke = (id: string, role: keyof typeof secrets = 'admin') =>
      tokenRoute.DELETE(send('DELETE', `${BASE}/tokens/${id}`, bearer(secrets[role])), ctx({ id }));
    expect((await revoke(ids.viewer as string)).status).toBe(204);
    expect(await refused(store.db, () => runsRoute.GET(get(`${BASE}/runs`, bearer(secrets.viewer)), {}))).toMatchObject({
      status: 401,
      error: { reason: 'revoked', message: expect.stringContaining('"ci-viewer" was revoked') },
    });
    const commits = (await listCommits(store.db, { entity: 'token', limit: 50 })).items.length;
    expect((await revoke(ids.viewer as string)).status).toBe(204);
    expect((await listCommits(store.db, { entity: 'token', limit: 50 })).items.length).toBe(commits);
    const [last] = (await listCommits(store.db, { entity: 'token', limit: 1 })).items;
    expect(last).toMatchObject({ action: 'token.revoke', actor: 'root-admin' });

    expect(await refused(store.db, () => revoke(ids.admin as string))).toMatchObject({ status: 409, error: { code: 'last_admin_token' } });
    expect(await refused(store.db, () => revoke(ids.operator as string, 'operator'))).toMatchObject({ status: 403 });
    const unknown = `tok_${'0'.repeat(26)}`;
    expect(await refused(store.db, () => revoke(unknown))).toMatchObject({ status: 404 });
  });
});

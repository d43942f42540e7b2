import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import { ENDPOINTS, type EndpointKey, splitKey } from '@/lib/contract/endpoints';
import type { OpenedDb } from '@/lib/db/open';
import { dispatch } from '@/lib/testing/dispatch';
import { expectedAuthStatus, prepareAuth } from '@/lib/testing/hostile/auth';
import { checkResponse } from '@/lib/testing/hostile/checks';
import { type BuildContext, describeRequest, endpointRequestArb, type HostileRequest, randomRouteArb, toRequest } from '@/lib/testing/hostile/requests';
import { seedHostileStore } from '@/lib/testing/hostile/seed';
import { storeDigest, testEngines, walPosition } from '@/lib/testing/stores';
import { decideApiRequest } from './api-gate';
import { provideStore } from './store';

// Bulk jobs would otherwise run in the background and change the store between two digests.
vi.mock('./job-worker', () => ({ kickJobs: () => undefined }));

/**
 * Property-based hostile requests against every endpoint (see lib/testing/hostile/). For every request:
 * no 5xx, no stack trace or SQL in the body, the error envelope on 4xx, a request id, and a store
 * (every table, and the blob directory) unchanged by every rejected request and by every read.
 * FLOWDECK_HOSTILE_REQUESTS sets the total over the engines (default 21,000; more for a long run),
 * FLOWDECK_HOSTILE_SEED replays a run.
 */
const TOTAL = Number(process.env.FLOWDECK_HOSTILE_REQUESTS ?? 21_000);
const SEED = Number(process.env.FLOWDECK_HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const engines = testEngines();
const perEngine = Math.ceil(TOTAL / engines.length);
const keys = Object.keys(ENDPOINTS) as EndpointKey[];
/** Columns a request may touch without changing content: authenticating records a token's last use. */
const BOOKKEEPING = { tokens: ['last_used_at'] };

interface Tally {
  requests: number;
  fiveXX: number;
  leaks: number;
  changed: number;
  rejected: number;
  digests: number;
  byStatus: Record<number, number>;
  ms: number;
  digestMs: number;
  byTarget: Record<string, number>;
  /** Per endpoint: how many requests got each status class (FLOWDECK_HOSTILE_VERBOSE=1 prints it). */
  classes: Record<string, Record<string, number>>;
}
const tallies: Record<string, Tally> = {};

function blobFiles(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort().join('|');
}

describe.each(engines)('hostile input on $name', (engine) => {
  let store: OpenedDb;
  let blobDir: string;
  let ctx: BuildContext;
  let before = '';
  const tally: Tally = { requests: 0, fiveXX: 0, leaks: 0, changed: 0, rejected: 0, digests: 0, byStatus: {}, ms: 0, digestMs: 0, byTarget: {}, classes: {} };
  tallies[engine.name] = tally;

  // The digest of every table and of the blob directory. The WAL position is read first: where it
  // has not moved since the last full digest, no table can have changed and that digest still holds.
  let wal = '';
  let tables = '';
  const digest = async () => {
    const t0 = performance.now();
    const position = await walPosition(store.db);
    if (position !== wal || !tables) {
      tally.digests++;
      wal = position;
      tables = JSON.stringify(await storeDigest(store.db, BOOKKEEPING));
    }
    const d = `${tables}#${blobFiles(blobDir)}`;
    tally.digestMs += performance.now() - t0;
    return d;
  };

  beforeAll(async () => {
    store = await engine.open();
    blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-hostile-'));
    provideStore({ ...store, blobs: new LocalBlobStore(blobDir) });
    const pool = await seedHostileStore();
    const doc = buildOpenApiDocument();
    ctx = { pool, doc, components: doc.components.schemas, auth: await prepareAuth(store.db) };
    if (ctx.auth.enforced) vi.stubEnv('FLOWDECK_AUTH', 'required');
    before = await digest();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await store.close();
    fs.rmSync(blobDir, { recursive: true, force: true });
  });

  it('sees a change to any table (the checks below would catch one)', async () => {
    const start = await digest();
    await store.db.execute(sql`update runs set group_path = group_path || '-x' where id = ${ctx.pool.runs[0]!}`);
    expect(await digest()).not.toBe(start);
    await store.db.execute(sql`update runs set group_path = left(group_path, -2) where id = ${ctx.pool.runs[0]!}`);
    expect(await digest()).toBe(start);
  });

  const property = async (r: HostileRequest) => {
    const t0 = performance.now();
    const res = await dispatch(toRequest(r));
    const { status, problems } = await checkResponse(r, res);
    tally.requests++;
    tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    if (r.target) {
      const decision = decideApiRequest(r.method, new URL(toRequest(r).url).pathname);
      const wanted = expectedAuthStatus(r.auth, ENDPOINTS[r.target].access, ctx.auth);
      const reached = decision.kind === 'pass' && decision.template === splitKey(r.target).path && r.method === splitKey(r.target).method;
      if (wanted && reached && status !== wanted) problems.push(`auth ${r.auth.kind}: expected ${wanted}`);
    }
    const target = r.target ?? 'random';
    tally.byTarget[target] = (tally.byTarget[target] ?? 0) + performance.now() - t0;
    const classes = tally.classes[target] ?? {};
    tally.classes[target] = classes;
    classes[`${String(status)[0]}xx`] = (classes[`${String(status)[0]}xx`] ?? 0) + 1;
    const after = await digest();
    const read = ['GET', 'HEAD', 'OPTIONS'].includes(r.method);
    if (status >= 400) tally.rejected++;
    if ((status >= 400 || read) && after !== before) problems.push(`store changed by a ${read ? 'read' : 'rejected request'}`);
    before = after;
    if (status >= 500) tally.fiveXX++;
    if (problems.some((p) => p.startsWith('leak'))) tally.leaks++;
    if (problems.some((p) => p.startsWith('store changed'))) tally.changed++;
    if (problems.length) throw new Error(`${describeRequest(r)} → ${status}: ${problems.join('; ')}`);
  };

  it(`answers ${perEngine.toLocaleString('en')} generated requests without a 5xx, a leak or a change to the store`, async () => {
    const started = performance.now();
    const share = Math.floor(perEngine / (keys.length + 2));
    const params = (offset: number) => ({ numRuns: share, seed: SEED + engines.indexOf(engine) * 1_000 + offset, endOnFailure: false, verbose: 0 as const });
    // Every endpoint gets its share even when an earlier one fails: one run reports every bug it finds.
    const failures: string[] = [];
    const run = async (label: string, arb: fc.Arbitrary<HostileRequest>, options: fc.Parameters<[HostileRequest]>) => {
      const result = await fc.check(fc.asyncProperty(arb, property), options);
      if (result.failed) failures.push(`${label}: ${fc.defaultReportMessage(result)}`);
    };
    for (const [i, key] of keys.entries()) await run(key, endpointRequestArb(key, ctx), params(i));
    const rest = perEngine - share * keys.length;
    await run('random routes', randomRouteArb(ctx), { ...params(keys.length), numRuns: rest });
    tally.ms = performance.now() - started;
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(tally.requests).toBeGreaterThanOrEqual(perEngine);
  }, 900_000);
});

afterAll(() => {
  const all = Object.values(tallies);
  const n = (x: number) => x.toLocaleString('en');
  for (const [name, t] of Object.entries(tallies)) {
    const statuses = Object.entries(t.byStatus)
      .map(([s, c]) => `${s}×${n(c)}`)
      .join(' ');
    const slowest = Object.entries(t.byTarget)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    if (process.env.FLOWDECK_HOSTILE_VERBOSE)
      console.log(
        Object.entries(t.classes)
          .map(([k, c]) => `${k}: ${JSON.stringify(c)}`)
          .join('\n'),
      );
    console.log(
      `hostile input on ${name}: ${n(t.requests)} requests in ${(t.ms / 1000).toFixed(1)} s (${n(t.digests)} full store digests, ${(t.digestMs / 1000).toFixed(1)} s comparing); ${statuses}; slowest: ${slowest}`,
    );
  }
  const total = all.reduce((s, t) => s + t.requests, 0);
  const sum = (f: (t: Tally) => number) => n(all.reduce((s, t) => s + f(t), 0));
  const changed = all.reduce((s, t) => s + t.changed, 0);
  const store = changed ? `store changed by ${n(changed)} rejected requests or reads` : `store unchanged by ${sum((t) => t.rejected)} rejected requests`;
  console.log(`hostile input: ${n(total)} requests (seed ${SEED}), ${sum((t) => t.fiveXX)} 5xx, ${sum((t) => t.leaks)} leaks, ${store}`);
});

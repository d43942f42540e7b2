// Run index benchmark: `npx tsx bench/runs-api.ts --runs 1000000` (add DATABASE_URL for PostgreSQL).
// Loads the demo once into bench/.data (PGlite) or the given database, times the bare keyset SQL in
// process, then starts the server on that store and times the API and the browser. Results: stdout + JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { and, desc, inArray, lt, sql } from 'drizzle-orm';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import type { RunFilters } from '@/lib/contract/schemas';
import { queryRows } from '@/lib/db/client';
import { openDb } from '@/lib/db/open';
import { runConditions } from '@/lib/db/queries/run-filters';
import { runs } from '@/lib/db/schema';
import { isStoreEmpty, loadDemo } from '@/lib/demo/load';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';
import { ms, percentile, ROOT, startServer, timeIt } from './lib';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '100000' }, samples: { type: 'string', default: '200' }, port: { type: 'string', default: '3400' } },
});
const total = Number(args.runs);
const samples = Number(args.samples);
const databaseUrl = process.env.DATABASE_URL || undefined;
const engine = databaseUrl ? 'postgres' : 'pglite';
const dataDir = path.join(ROOT, 'bench/.data', `db-${total}`);
const blobDir = path.join(ROOT, 'bench/.data', 'blobs');
const migrationsDir = path.join(ROOT, 'drizzle');

const store = await openDb({ databaseUrl, dataDir, migrationsDir });
if (await isStoreEmpty(store.db)) {
  console.log(`loading ${total} demo runs into ${engine}…`);
  const loaded = await loadDemo(store.db, new LocalBlobStore(blobDir), {
    runs: total,
    seed: 7,
    anchor: new Date('2026-11-01T00:00:00Z'),
    onProgress: ({ runs: done }) => done % 100_000 === 0 && console.log(`  ${done} runs`),
  });
  console.log(`loaded in ${(loaded.ms / 1000).toFixed(0)} s: ${JSON.stringify(loaded)}`);
}
const [count] = await queryRows<{ n: string }>(store.db, sql`select count(*) as n from runs`);
const [mid] = await queryRows<{ id: string; workflow: string; version_id: string; group_path: string; created_at: Date }>(
  store.db,
  sql`select id, workflow, version_id, group_path, created_at from runs order by id desc offset ${Math.floor(Number(count?.n) / 2)} limit 1`,
);
if (!mid) throw new Error('no runs');
const day = new Date(mid.created_at);
const filters: Record<string, RunFilters & { cursor?: string }> = {
  'no filter': {},
  'phase=running': { phase: ['running'] },
  'result=failed': { result: ['failed'] },
  workflow: { workflow: mid.workflow },
  version: { version: mid.version_id },
  'group prefix': { group: mid.group_path.split('/').slice(0, 2).join('/') },
  'id prefix (q)': { q: mid.id.slice(0, 12) },
  'time range (1 day)': { from: new Date(day.getTime() - 43_200_000).toISOString(), to: new Date(day.getTime() + 43_200_000).toISOString() },
  'deep cursor (middle)': { cursor: mid.id },
};

const results: Record<string, Record<string, number>> = {};
for (const [name, f] of Object.entries(filters)) {
  const { cursor, ...rest } = f;
  const where = and(runConditions(rest), cursor ? lt(runs.id, cursor) : undefined);
  // The bare keyset SQL: the page's ids by the (filter, id) index, then their rows.
  const t = await timeIt(
    () =>
      store.db
        .select()
        .from(runs)
        .where(inArray(runs.id, store.db.select({ id: runs.id }).from(runs).where(where).orderBy(desc(runs.id)).limit(51)))
        .orderBy(desc(runs.id)),
    samples,
  );
  results[name] = { sqlP50: percentile(t, 50), sqlP95: percentile(t, 95) };
}
await store.close();

const server = await startServer(
  { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), FLOWDECK_DATA_DIR: dataDir, FLOWDECK_BLOB_DIR: blobDir },
  Number(args.port),
);
try {
  for (const [name, f] of Object.entries(filters)) {
    const qs = new URLSearchParams(Object.entries({ ...f, limit: '50' }).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
    const url = `${server.url}/api/v1/runs?${qs}`;
    const t = await timeIt(async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      await res.json();
    }, samples);
    Object.assign(results[name] as object, { apiP50: percentile(t, 50), apiP95: percentile(t, 95) });
  }
  const counts = await timeIt(async () => (await fetch(`${server.url}/api/v1/runs/counts`)).json(), samples);

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  let jsBytes = 0;
  const firstRow: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await page.goto(`${server.url}/runs`, { waitUntil: 'commit' });
    await page.locator('tbody tr, [role="row"][data-run-id], [data-testid="run-row"]').first().waitFor();
    if (i > 0) firstRow.push(performance.now() - t);
    if (i === 0) {
      await page.waitForLoadState('networkidle');
      jsBytes = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
      );
    }
  }
  await browser.close();

  const summary = {
    engine,
    runs: Number(count?.n),
    date: new Date().toISOString(),
    list: results,
    countsP50: percentile(counts, 50),
    countsP95: percentile(counts, 95),
    firstRowWarmP50: percentile(firstRow, 50),
    firstRowWarmMax: Math.max(...firstRow),
    runsPageJsKb: Math.round(jsBytes / 1024),
  };
  console.log(`\n${engine}, ${summary.runs} runs, ${samples} samples each`);
  console.log('| request | SQL p50 | SQL p95 | API p50 | API p95 | API/SQL p95 |\n|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `| ${name} | ${ms(r.sqlP50 ?? 0)} | ${ms(r.sqlP95 ?? 0)} | ${ms(r.apiP50 ?? 0)} | ${ms(r.apiP95 ?? 0)} | ${((r.apiP95 ?? 0) / (r.sqlP95 ?? 1)).toFixed(2)}× |`,
    );
  }
  console.log(`counts (unfiltered): p50 ${ms(summary.countsP50)}, p95 ${ms(summary.countsP95)}`);
  console.log(`/runs first row (warm): p50 ${ms(summary.firstRowWarmP50)}, max ${ms(summary.firstRowWarmMax)}; JS transferred ${summary.runsPageJsKb} KB`);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results', `runs-api-${engine}-${total}.json`), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  await server.stop();
}

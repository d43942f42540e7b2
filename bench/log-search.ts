// Log search benchmark: `npx tsx bench/log-search.ts` (options: --runs 100000 --lines 10 --samples 20).
// Loads `--runs` runs with `--lines` log lines each (two steps, one batch each) into a fresh PGlite store
// (in a temp directory; or the database of DATABASE_URL, which it creates and drops), VACUUM ANALYZEs, then
// times searchLogs() in process (the query GET /api/v1/logs/search runs) for words of different rarity,
// with and without a workflow and time-range filter. Results: a table on stdout and
// bench/results/log-search-<engine>.json; bench/README.md explains the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { LogSearchQuery } from '@/lib/contract/logs';
import { openDb } from '@/lib/db/open';
import { searchLogs } from '@/lib/db/queries/log-search';
import { logAttempts, logChunks, runs } from '@/lib/db/schema';
import { newId } from '@/lib/domain/ids';
import { encodeStreams } from '@/lib/domain/log-lines';
import { insertVersion } from '@/lib/testing/fixtures';
import { MIGRATIONS_DIR } from '@/lib/testing/stores';
import { ms, percentile, ROOT, timeIt } from './lib';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '100000' }, lines: { type: 'string', default: '10' }, samples: { type: 'string', default: '20' } },
});
const RUNS = Number(args.runs);
const LINES = Number(args.lines);
const SAMPLES = Number(args.samples);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** mulberry32: a small deterministic generator (the same store every run). */
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const WORDS = ['compiling', 'linking', 'resolving', 'fetching', 'running', 'passed', 'cached', 'module', 'package', 'bundle'];
/** Lines like a build's: common words, numbers, a request id per line; rarer failures sprinkled in. */
function lineText(run: number, i: number): string {
  const r = rand();
  const id = Math.floor(rand() * 2 ** 40).toString(36);
  if (r < 0.0001) return `error: connect ECONNREFUSED 10.0.${run % 255}.${i}:5432 (req ${id})`;
  if (r < 0.01) return `warning: request ${id} timeout after ${Math.floor(rand() * 30_000)} ms`;
  return `${WORDS[Math.floor(rand() * WORDS.length)]} ${WORDS[Math.floor(rand() * WORDS.length)]} src/file_${Math.floor(rand() * 5000)}.ts line ${Math.floor(rand() * 10_000)} req ${id}`;
}

async function withStore<T>(fn: (db: Awaited<ReturnType<typeof openDb>>['db']) => Promise<T>): Promise<T> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logsearch-'));
    const store = await openDb({ dataDir: path.join(dir, 'db'), migrationsDir: MIGRATIONS_DIR });
    try {
      return await fn(store.db);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = new URL(process.env.DATABASE_URL as string);
  const database = `logsearch_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(base);
  url.pathname = `/${database}`;
  const store = await openDb({ databaseUrl: url.toString(), dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });
  try {
    return await fn(store.db);
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

await withStore(async (db) => {
  const versionId = await insertVersion(db, { current: true });
  const t0 = performance.now();
  const start = Date.UTC(2026, 0, 1);
  const stepMs = Math.floor((300 * 86_400_000) / RUNS);
  const CHUNK = 1000;
  for (let from = 0; from < RUNS; from += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, RUNS - from) }, (_, k) => {
      const n = from + k;
      const createdAt = new Date(start + n * stepMs);
      return { n, id: newId('run', createdAt.getTime()), createdAt, workflow: n % 10 === 0 ? 'release' : 'pipeline' };
    });
    await db.insert(runs).values(
      batch.map((r) => ({
        id: r.id,
        workflow: r.workflow,
        versionId,
        groupPath: 'bench/search',
        input: {},
        phase: 'finished' as const,
        result: 'success' as const,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      })),
    );
    const half = Math.ceil(LINES / 2);
    const chunks = batch.flatMap((r) =>
      (['build', 'test'] as const).map((nodeId, s) => {
        const count = s === 0 ? half : LINES - half;
        const texts = Array.from({ length: count }, (_, i) => lineText(r.n, i));
        return {
          runId: r.id,
          nodeId,
          attempt: 1,
          seq: 0,
          part: 0,
          firstN: 1,
          lastN: count,
          texts,
          times: texts.map(() => r.createdAt.getTime()),
          streams: encodeStreams(texts.map(() => 'stdout' as const)),
          storedAt: r.createdAt,
        };
      }),
    );
    await db.insert(logChunks).values(chunks);
    await db
      .insert(logAttempts)
      .values(chunks.map((c) => ({ runId: c.runId, nodeId: c.nodeId, attempt: 1, lines: c.texts.length, bytes: 0, ended: true, updatedAt: c.storedAt })));
    if (from % 20_000 === 0) process.stdout.write(`  loaded ${from.toLocaleString('en-US')} runs (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
  await db.execute(sql`vacuum analyze`);
  const loadSeconds = (performance.now() - t0) / 1000;
  const [size] = (
    (await db.execute(
      sql`select pg_total_relation_size('log_chunks') as total, pg_relation_size('log_chunks_words') as words, (select count(*) from log_chunks) as chunks`,
    )) as unknown as { rows: { total: string; words: string; chunks: string }[] }
  ).rows;
  console.log(
    `loaded ${RUNS.toLocaleString('en-US')} runs, ${(RUNS * LINES).toLocaleString('en-US')} lines in ${loadSeconds.toFixed(0)} s; log_chunks ${(Number(size?.total) / 2 ** 20).toFixed(0)} MiB, words index ${(Number(size?.words) / 2 ** 20).toFixed(0)} MiB`,
  );

  const month = { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
  const cases: [string, Omit<LogSearchQuery, 'limit'>][] = [
    ['rare word (≈0.01% of lines)', { q: 'ECONNREFUSED' }],
    ['uncommon word (≈1% of lines)', { q: 'timeout' }],
    ['common word (most runs)', { q: 'compiling' }],
    ['two common words', { q: 'compiling bundle' }],
    ['a phrase (≈1% of lines)', { q: '"timeout after"' }],
    ['no match', { q: 'zzzyyyxxx' }],
    ['uncommon word, workflow + 1 month', { q: 'timeout', workflow: 'release', ...month }],
    ['common word, workflow + 1 month', { q: 'compiling', workflow: 'release', ...month }],
  ];
  const results = [];
  for (const [label, q] of cases) {
    let hits = 0;
    const samples = await timeIt(
      async () => {
        hits = (await searchLogs(db, { ...q, limit: 50 })).items.length;
      },
      SAMPLES,
      2,
    );
    const r = { label, query: q, hits, p50: percentile(samples, 50), p95: percentile(samples, 95) };
    results.push(r);
    console.log(`  ${label}: ${hits} hits, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`);
  }
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const out = { engine, date: new Date().toISOString(), runs: RUNS, lines: RUNS * LINES, loadSeconds, size, results, loadAverage: os.loadavg() };
  fs.writeFileSync(path.join(ROOT, 'bench/results', `log-search-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    [
      '',
      '| query (limit 50) | hits | p50 | p95 |',
      '|---|---|---|---|',
      ...results.map((r) => `| ${r.label} | ${r.hits} | ${ms(r.p50)} | ${ms(r.p95)} |`),
    ].join('\n'),
  );
});

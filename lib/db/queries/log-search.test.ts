import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import type { OpenedDb } from '@/lib/db/open';
import { createRun } from '@/lib/ingest/create-run';
import { appendLog } from '@/lib/ingest/logs';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { searchLogs } from './log-search';

const ts = '2026-11-01T12:00:00.000Z';
const out = (...texts: string[]) => texts.map((text) => ({ ts, stream: 'stdout' as const, text }));

describe.each(testEngines())('log search on $name', (engine) => {
  let store: OpenedDb;
  const ids: string[] = [];
  beforeAll(async () => {
    store = await engine.open();
    await insertVersion(store.db, { current: true });
    for (let i = 0; i < 4; i++) {
      const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/search', input: { branch: 'main' } }, new Date(Date.UTC(2026, 10, 1 + i)));
      ids.push(run.id);
    }
    await appendLog(store.db, ids[0]!, 'build', { attempt: 1, seq: 0, lines: out('compiling', 'error: disk quota exceeded', 'line 1234 done') });
    await appendLog(store.db, ids[1]!, 'test', { attempt: 1, seq: 0, lines: out('all good', 'line 1234 ok') });
    await appendLog(store.db, ids[1]!, 'build', { attempt: 1, seq: 0, lines: out('line 1234 early') });
    await appendLog(store.db, ids[2]!, 'build', { attempt: 1, seq: 0, lines: out('quota', 'disk') });
    await appendLog(store.db, ids[3]!, 'build', { attempt: 2, seq: 0, lines: out('pods api-7d9c failed readiness probe') });
  });
  afterAll(() => store.close());

  const search = (q: string, more: { from?: string; to?: string; workflow?: string } = {}) => searchLogs(store.db, { q, limit: 50, ...more });

  it('finds runs by words in their logs, newest first, with the first matching line', async () => {
    const found = await search('1234');
    expect(found.items.map((h) => h.runId)).toEqual([ids[1], ids[0]]);
    // ids[1]: the test step's batch was stored first.
    expect(found.items[0]).toMatchObject({ nodeId: 'test', attempt: 1, line: { n: 2, text: 'line 1234 ok', stream: 'stdout' }, workflow: 'pipeline' });
    expect(found.items[1]).toMatchObject({ nodeId: 'build', line: { n: 3, text: 'line 1234 done', ts } });
    expect((await search('api-7d9c readiness')).items).toMatchObject([{ runId: ids[3], attempt: 2, line: { n: 1 } }]);
  });

  it('needs every word on one line (a phrase in quotes), and finds nothing for no words', async () => {
    expect((await search('disk quota')).items.map((h) => h.runId)).toEqual([ids[0]]);
    expect((await search('"quota exceeded"')).items.map((h) => h.runId)).toEqual([ids[0]]);
    expect((await search('"exceeded quota"')).items).toEqual([]);
    expect((await search('-- !!')).items).toEqual([]);
  });

  it('looks past newer runs whose words are only spread over lines', async () => {
    const older = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/search', input: { branch: 'main' } }, new Date(Date.UTC(2026, 9, 1)));
    await appendLog(store.db, older.id, 'build', { attempt: 1, seq: 0, lines: out('alpha beta together') });
    for (let i = 0; i < 4; i++) {
      const newer = await createRun(
        store.db,
        { workflow: 'pipeline', groupPath: 'acme/search', input: { branch: 'main' } },
        new Date(Date.UTC(2026, 9, 2 + i)),
      );
      await appendLog(store.db, newer.id, 'build', { attempt: 1, seq: 0, lines: out('alpha', 'beta') });
    }
    expect((await searchLogs(store.db, { q: 'alpha beta', limit: 1 })).items.map((h) => [h.runId, h.line.text])).toEqual([[older.id, 'alpha beta together']]);
  });

  it('filters by workflow and creation time', async () => {
    expect((await search('1234', { workflow: 'other' })).items).toEqual([]);
    expect((await search('1234', { from: '2026-11-02T00:00:00Z' })).items.map((h) => h.runId)).toEqual([ids[1]]);
    expect((await search('1234', { to: '2026-11-02T00:00:00Z' })).items.map((h) => h.runId)).toEqual([ids[0]]);
  });

  it('has a words index the search expression can use', async () => {
    // A tiny table is scanned whatever the indexes; with scans priced out, the plan shows whether the index fits.
    const plan = await store.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(
        tx,
        sql`explain select run_id from log_chunks where to_tsvector('simple'::regconfig, texts) @@ websearch_to_tsquery('simple'::regconfig, '1234')`,
      );
    });
    expect(plan.map((r) => Object.values(r).join(' ')).join('\n')).toContain('log_chunks_words');
  });
});

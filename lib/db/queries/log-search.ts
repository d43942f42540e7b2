import { type SQL, sql } from 'drizzle-orm';
import type { LogSearchHit, LogSearchQuery, LogSearchResult } from '@/lib/contract/logs';
import { type Db, queryRows } from '@/lib/db/client';
import { streamAt } from '@/lib/domain/log-lines';

interface HitRow {
  run_id: string;
  workflow: string;
  version_id: string;
  group_path: string;
  created_at: Date | string;
  node_id: string;
  attempt: number;
  n: number;
  ts: string | number;
  stream: string;
  text: string;
}

/** Candidate runs per round: a chunk can match words spread over lines that no single line holds. */
const CANDIDATES_PER_HIT = 3;
/** Rounds of candidates before a search settles for fewer hits than asked (each round is one index probe). */
const MAX_ROUNDS = 4;

/**
 * Runs whose step logs contain the words of `q` (web-search syntax: words, "a phrase", -not), newest
 * first, each with its first matching line. Candidate runs come from the GIN index on the chunks' text
 * (never a scan of every log), newest first, a page at a time; a run's first matching line is then
 * picked from its matching chunks, and runs where no single line holds the words are passed over.
 */
export async function searchLogs(db: Db, query: LogSearchQuery): Promise<LogSearchResult> {
  const filters: SQL[] = [];
  if (query.workflow) filters.push(sql`and r.workflow = ${query.workflow}`);
  if (query.from) filters.push(sql`and r.created_at >= ${new Date(query.from).toISOString()}::timestamptz`);
  if (query.to) filters.push(sql`and r.created_at < ${new Date(query.to).toISOString()}::timestamptz`);
  const words = sql`to_tsvector('simple'::regconfig, c.texts) @@ (select tsq from q)`;
  const tsq = sql`q as materialized (select websearch_to_tsquery('simple'::regconfig, ${query.q}) as tsq)`;
  const rows: HitRow[] = [];
  let before: string | null = null;
  for (let round = 0; round < MAX_ROUNDS && rows.length < query.limit; round++) {
    const want = (query.limit - rows.length) * CANDIDATES_PER_HIT;
    const candidates: { run_id: string }[] = await queryRows<{ run_id: string }>(
      db,
      sql`with ${tsq}
        select c.run_id from log_chunks c join runs r on r.id = c.run_id
        where ${words} ${sql.join(filters, sql` `)} ${before ? sql`and c.run_id < ${before}` : sql``}
        group by c.run_id order by c.run_id desc limit ${want}`,
    );
    if (candidates.length === 0) break;
    before = candidates.at(-1)?.run_id ?? null;
    const ids = candidates.map((c) => c.run_id);
    const hits = await queryRows<HitRow>(
      db,
      sql`with ${tsq}
        select r.id as run_id, r.workflow, r.version_id, r.group_path, r.created_at,
               hit.node_id, hit.attempt, hit.n, hit.ts, hit.stream, hit.text
        from runs r
        cross join lateral (
          select c.node_id, c.attempt, c.first_n + l.i::int - 1 as n, c.times -> (l.i::int - 1) as ts,
                 substr(c.streams, l.i::int, 1) as stream, l.text
          from log_chunks c
          cross join lateral (
            select t.value as text, t.i from jsonb_array_elements_text(c.texts) with ordinality as t(value, i)
            where to_tsvector('simple'::regconfig, t.value) @@ (select tsq from q)
            order by t.i limit 1
          ) l
          where c.run_id = r.id and ${words}
          order by c.stored_at, c.node_id, c.attempt, c.first_n
          limit 1
        ) hit
        where r.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by r.id desc`,
    );
    rows.push(...hits.slice(0, query.limit - rows.length));
    if (candidates.length < want) break;
  }
  return {
    items: rows.map(
      (r): LogSearchHit => ({
        runId: r.run_id,
        workflow: r.workflow,
        versionId: r.version_id,
        groupPath: r.group_path,
        createdAt: new Date(r.created_at).toISOString(),
        nodeId: r.node_id,
        attempt: r.attempt,
        line: { n: Number(r.n), ts: new Date(Number(r.ts)).toISOString(), stream: streamAt(r.stream, 0), text: r.text },
      }),
    ),
  };
}

import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { LogAttemptInfo, LogLine, LogPage, LogQuery } from '@/lib/contract/logs';
import type { Db } from '@/lib/db/client';
import { type LogAttemptRow, type LogChunkRow, logAttempts, logChunks, nodes, runs } from '@/lib/db/schema';
import { cutNotice, LOG_PART_MAX_LINES, streamAt, type TailFacts } from '@/lib/domain/log-lines';
import { isActive } from '@/lib/domain/run-phase';
import { notFound } from '@/lib/errors';

export interface LogTarget {
  runId: string;
  nodeId: string;
  /** The attempt read: the one asked for, else the latest with a log, else the node's current one. */
  attempt: number;
  attempts: LogAttemptInfo[];
  /** The chosen attempt's state (null while it has no log). */
  state: LogAttemptRow | null;
}

export function attemptInfo(row: LogAttemptRow): LogAttemptInfo {
  const cutLines = row.cutLines + row.droppedLines;
  const cutBytes = row.cutBytes + row.droppedBytes;
  return {
    attempt: row.attempt,
    lines: row.lines,
    bytes: row.bytes,
    truncated: cutLines > 0 || cutBytes > 0 ? { lines: cutLines, bytes: cutBytes } : null,
    ended: row.ended,
  };
}

/**
 * The node's log attempts and the one to read; 404 for an unknown run or node. With `live` (a tail), the
 * default is the later of the latest attempt with a log and the node's current attempt: a retry that has
 * printed nothing yet is the one to follow.
 */
export async function getLogTarget(db: Db, runId: string, nodeId: string, attempt?: number, options: { live?: boolean } = {}): Promise<LogTarget> {
  const [node] = await db
    .select({ attempt: nodes.attempt })
    .from(nodes)
    .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)));
  if (!node) {
    const [run] = await db.select({ id: runs.id }).from(runs).where(eq(runs.id, runId));
    throw run ? notFound('node', nodeId) : notFound('run', runId);
  }
  const rows = await db
    .select()
    .from(logAttempts)
    .where(and(eq(logAttempts.runId, runId), eq(logAttempts.nodeId, nodeId)))
    .orderBy(asc(logAttempts.attempt));
  const current = Math.max(1, node.attempt);
  const latest = rows.at(-1)?.attempt;
  const chosen = attempt ?? (options.live ? Math.max(latest ?? 1, current) : (latest ?? current));
  return { runId, nodeId, attempt: chosen, attempts: rows.map(attemptInfo), state: rows.find((r) => r.attempt === chosen) ?? null };
}

/** The attempt's state row alone (the live tail's cheap poll). */
export async function getLogAttemptState(db: Db, runId: string, nodeId: string, attempt: number): Promise<LogAttemptRow | null> {
  const [row] = await db
    .select()
    .from(logAttempts)
    .where(and(eq(logAttempts.runId, runId), eq(logAttempts.nodeId, nodeId), eq(logAttempts.attempt, attempt)));
  return row ?? null;
}

function linesOf(row: LogChunkRow): LogLine[] {
  return row.texts.map((text, i) => ({ n: row.firstN + i, ts: new Date(row.times[i] ?? 0).toISOString(), stream: streamAt(row.streams, i), text }));
}

/** Up to `limit` stored lines after line `cursor`, in order: the rows whose lines overlap (cursor, cursor + limit]. */
export async function readLogLines(db: Db, runId: string, nodeId: string, attempt: number, cursor: number, limit: number): Promise<LogLine[]> {
  const last = cursor + limit;
  const rows = await db
    .select()
    .from(logChunks)
    .where(
      and(
        eq(logChunks.runId, runId),
        eq(logChunks.nodeId, nodeId),
        eq(logChunks.attempt, attempt),
        gt(logChunks.lastN, cursor),
        // A row holds at most LOG_PART_MAX_LINES lines: this bounds the index range scan.
        lte(logChunks.lastN, last + LOG_PART_MAX_LINES),
        lte(logChunks.firstN, last),
      ),
    )
    .orderBy(asc(logChunks.lastN));
  return rows.flatMap(linesOf).filter((l) => l.n > cursor && l.n <= last);
}

/** A JSON page of an attempt's log after `cursor`. */
export async function getLogPage(db: Db, runId: string, nodeId: string, q: Pick<LogQuery, 'attempt' | 'cursor' | 'limit'>): Promise<LogPage> {
  const target = await getLogTarget(db, runId, nodeId, q.attempt);
  const cursor = q.cursor ?? 0;
  const stored = target.state?.lines ?? 0;
  const lines = cursor < stored ? await readLogLines(db, runId, nodeId, target.attempt, cursor, q.limit) : [];
  const lastRead = lines.at(-1)?.n ?? cursor;
  return { runId, nodeId, attempt: target.attempt, attempts: target.attempts, lines, nextCursor: lastRead < stored ? lastRead : null };
}

/** Lines read per query while streaming a download. */
const TEXT_PAGE_LINES = 5000;

/**
 * The attempt's whole log as plain text, read page by page as the consumer pulls (never one big
 * string); a cut log ends with a line saying how much was cut.
 */
export function logTextStream(db: Db, target: LogTarget): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stored = target.state?.lines ?? 0;
  const info = target.state ? attemptInfo(target.state) : null;
  let cursor = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (cursor < stored) {
        const lines = await readLogLines(db, target.runId, target.nodeId, target.attempt, cursor, Math.min(TEXT_PAGE_LINES, stored - cursor));
        if (lines.length > 0) {
          cursor = lines.at(-1)?.n ?? stored;
          controller.enqueue(encoder.encode(`${lines.map((l) => l.text).join('\n')}\n`));
          return;
        }
      }
      if (info?.truncated) controller.enqueue(encoder.encode(`${cutNotice(info.truncated)}\n`));
      done = true;
      controller.close();
    },
  });
}

export interface TailState extends TailFacts {
  nodeFinishedAt: Date | null;
}

/** The node and run facts a live tail checks to know whether its attempt is over (two primary-key lookups). */
export async function getTailState(db: Db, runId: string, nodeId: string): Promise<TailState | null> {
  const [row] = await db
    .select({ status: nodes.status, attempt: nodes.attempt, finishedAt: nodes.finishedAt, phase: runs.phase })
    .from(nodes)
    .innerJoin(runs, eq(runs.id, nodes.runId))
    .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)));
  if (!row) return null;
  return { runActive: isActive(row.phase), nodeStatus: row.status, nodeAttempt: row.attempt, nodeFinishedAt: row.finishedAt };
}

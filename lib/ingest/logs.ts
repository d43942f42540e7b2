import { and, eq, sql } from 'drizzle-orm';
import type { LogAppendBody, LogAppendResult } from '@/lib/contract/logs';
import type { Db, Tx } from '@/lib/db/client';
import { logAttempts, logChunks, nodes, runs } from '@/lib/db/schema';
import { DEFAULT_LOG_LIMIT_BYTES, encodeStreams, fitLines, lineBytes, partSizes } from '@/lib/domain/log-lines';
import { notFound } from '@/lib/errors';
import { assertLease } from './lease-check';

export interface AppendLogOptions {
  /** Bytes kept per attempt (FLOWDECK_LOG_LIMIT_BYTES). */
  limitBytes?: number;
  now?: Date;
}

/** 404 for an unknown run or node; under a lease, 409 lease_lost unless that runner holds the run (row locked for share). */
async function checkTarget(tx: Tx, runId: string, nodeId: string, lease: LogAppendBody['lease'], now: Date): Promise<void> {
  if (lease) {
    // A shared lock is enough: it keeps a claim (an update of the run row) out until this append commits,
    // without serializing appends of one run's steps against each other.
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('share');
    if (!run) throw notFound('run', runId);
    assertLease(run, lease, now);
  }
  const [node] = await tx
    .select({ nodeId: nodes.nodeId })
    .from(nodes)
    .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)));
  if (node) return;
  if (!lease) {
    const [run] = await tx.select({ id: runs.id }).from(runs).where(eq(runs.id, runId));
    if (!run) throw notFound('run', runId);
  }
  throw notFound('node', nodeId);
}

/** The attempt's log state row, created on first use and locked: appends to one attempt number their lines one at a time. */
async function lockAttempt(tx: Tx, runId: string, nodeId: string, attempt: number, now: Date) {
  await tx.insert(logAttempts).values({ runId, nodeId, attempt, updatedAt: now }).onConflictDoNothing();
  const [state] = await tx
    .select()
    .from(logAttempts)
    .where(and(eq(logAttempts.runId, runId), eq(logAttempts.nodeId, nodeId), eq(logAttempts.attempt, attempt)))
    .for('update');
  if (!state) throw new Error(`log state of ${runId}/${nodeId}#${attempt} vanished`);
  return state;
}

interface Part {
  index: number;
  lines: LogAppendBody['lines'];
  sizes: number[];
  /** The batch's last part: it carries the batch's `end`. */
  last: boolean;
}

/** Stores one part of a batch in a transaction of its own, under the lock of the attempt's state row. */
async function appendPart(db: Db, runId: string, nodeId: string, body: LogAppendBody, part: Part, limitBytes: number, now: Date) {
  return db.transaction(async (tx) => {
    await checkTarget(tx, runId, nodeId, body.lease, now);
    const state = await lockAttempt(tx, runId, nodeId, body.attempt, now);
    const [seen] = await tx
      .select({ seq: logChunks.seq })
      .from(logChunks)
      .where(
        and(
          eq(logChunks.runId, runId),
          eq(logChunks.nodeId, nodeId),
          eq(logChunks.attempt, body.attempt),
          eq(logChunks.seq, body.seq),
          eq(logChunks.part, part.index),
        ),
      );
    if (seen) return { stored: 0, duplicate: true, truncated: state.cutLines > 0 };
    const fit = fitLines(part.sizes, state.bytes, limitBytes, state.cutLines > 0);
    const kept = part.lines.slice(0, fit.kept);
    // A part that keeps nothing still leaves a row: it records the (seq, part), so a retry is a duplicate.
    await tx.insert(logChunks).values({
      runId,
      nodeId,
      attempt: body.attempt,
      seq: body.seq,
      part: part.index,
      firstN: state.lines + 1,
      lastN: state.lines + kept.length,
      texts: kept.map((l) => l.text),
      times: kept.map((l) => Date.parse(l.ts)),
      streams: encodeStreams(kept.map((l) => l.stream)),
      storedAt: now,
    });
    const cutLines = state.cutLines + fit.cutLines;
    await tx
      .update(logAttempts)
      .set({
        lines: state.lines + fit.kept,
        bytes: state.bytes + fit.keptBytes,
        cutLines,
        cutBytes: state.cutBytes + fit.cutBytes,
        droppedLines: sql`greatest(${logAttempts.droppedLines}, ${body.dropped?.lines ?? 0})`,
        droppedBytes: sql`greatest(${logAttempts.droppedBytes}, ${body.dropped?.bytes ?? 0})`,
        ended: state.ended || (part.last && body.end === true),
        updatedAt: now,
      })
      .where(and(eq(logAttempts.runId, runId), eq(logAttempts.nodeId, nodeId), eq(logAttempts.attempt, body.attempt)));
    return { stored: fit.kept, duplicate: false, truncated: cutLines > 0 };
  });
}

/**
 * Appends one batch of a node attempt's output. Its lines get the next line numbers, in order, under the
 * lock of the attempt's state row; past the attempt's bound they are counted, not kept; the writer's own
 * `dropped` counts (cumulative) are kept beside them; `end` marks the attempt's output complete. A large
 * batch is stored as parts (up to LOG_PART_MAX_LINES lines each), each in a short transaction of its own,
 * so other requests get the store between them; each part is stored once by (seq, part), so a batch sent
 * again changes nothing and answers `duplicate: true`, and one cut short by a crash is completed.
 */
export async function appendLog(db: Db, runId: string, nodeId: string, body: LogAppendBody, options: AppendLogOptions = {}): Promise<LogAppendResult> {
  const now = options.now ?? new Date();
  const limitBytes = options.limitBytes ?? DEFAULT_LOG_LIMIT_BYTES;
  const sizes = body.lines.map((l) => lineBytes(l.text));
  const counts = body.lines.length > 0 ? partSizes(sizes) : [0];
  const result: LogAppendResult = { stored: 0, duplicate: true, truncated: false };
  let offset = 0;
  for (const [index, count] of counts.entries()) {
    const part = { index, lines: body.lines.slice(offset, offset + count), sizes: sizes.slice(offset, offset + count), last: index === counts.length - 1 };
    offset += count;
    // Let requests that were waiting on the store go first (their next query must not queue behind the next part).
    if (index > 0) await new Promise((resolve) => setImmediate(resolve));
    const r = await appendPart(db, runId, nodeId, body, part, limitBytes, now);
    result.stored += r.stored;
    result.duplicate &&= r.duplicate;
    result.truncated = r.truncated;
  }
  return result;
}

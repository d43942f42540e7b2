import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { textC, tstz } from './columns';
import { runs } from './runs';

/**
 * Step logs, one row per stored part of an appended batch: up to LOG_PART_MAX_LINES lines (and ~32 KiB) each,
 * so a page read touches a handful of rows and the full-text index stays within its per-row limits. The
 * hot runs/nodes rows are never touched by an append; a run's logs go with the run (cascade).
 */
export const logChunks = pgTable(
  'log_chunks',
  {
    runId: textC('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    attempt: integer('attempt').notNull(),
    /** The writer's batch number: a batch sent again is found here and stored once. */
    seq: integer('seq').notNull(),
    /** The part of the batch (a large batch is stored as several rows). */
    part: integer('part').notNull(),
    /** The number of this row's first line; its lines are firstN … lastN (lastN = firstN - 1 when none were kept). */
    firstN: integer('first_n').notNull(),
    lastN: integer('last_n').notNull(),
    /** Each line's text (a JSON array of strings: what the full-text index reads). */
    texts: jsonb('texts').$type<string[]>().notNull(),
    /** Each line's timestamp, epoch milliseconds. */
    times: jsonb('times').$type<number[]>().notNull(),
    /** Each line's stream as one character, its index in LOG_STREAMS. */
    streams: text('streams').notNull(),
    storedAt: tstz('stored_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.nodeId, t.attempt, t.seq, t.part] }),
    // Pages and live tails: the rows after a cursor, in line order.
    index('log_chunks_lines').on(t.runId, t.nodeId, t.attempt, t.lastN),
    // Search across runs: words of the lines ('simple': no stemming, no stop words; logs are not prose).
    index('log_chunks_words').using('gin', sql`to_tsvector('simple'::regconfig, ${t.texts})`),
  ],
);

export type LogChunkRow = typeof logChunks.$inferSelect;

/**
 * One row per node attempt that has a log: the line counter appends lock to number their lines, what
 * was kept and what was cut, and whether the writer said the output is complete.
 */
export const logAttempts = pgTable(
  'log_attempts',
  {
    runId: textC('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    attempt: integer('attempt').notNull(),
    lines: integer('lines').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    /** Past the server's bound: counted, not kept. */
    cutLines: bigint('cut_lines', { mode: 'number' }).notNull().default(0),
    cutBytes: bigint('cut_bytes', { mode: 'number' }).notNull().default(0),
    /** What the writer dropped past its own bound (its latest cumulative counts). */
    droppedLines: bigint('dropped_lines', { mode: 'number' }).notNull().default(0),
    droppedBytes: bigint('dropped_bytes', { mode: 'number' }).notNull().default(0),
    ended: boolean('ended').notNull().default(false),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.attempt] })],
);

export type LogAttemptRow = typeof logAttempts.$inferSelect;

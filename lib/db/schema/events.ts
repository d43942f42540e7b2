import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { textC, tstz } from './columns';
import { eventType } from './enums';
import { runs } from './runs';

export const events = pgTable(
  'events',
  {
    runId: textC('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: eventType('type').notNull(),
    nodeId: text('node_id'),
    at: tstz('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** An imported event's id in its engine: stored once per run. */
    engineId: text('engine_id'),
    /** An imported event's own type in its engine (`step_retrying`, `wait_created`, …). */
    engineType: text('engine_type'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq] }),
    index('events_run_node').on(t.runId, t.nodeId),
    uniqueIndex('events_run_engine_id').on(t.runId, t.engineId).where(sql`${t.engineId} is not null`),
  ],
);

export type EventRow = typeof events.$inferSelect;

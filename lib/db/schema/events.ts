import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] }), index('events_run_node').on(t.runId, t.nodeId)],
);

export type EventRow = typeof events.$inferSelect;

import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { engineActionKind, engineActionStatus, runSource } from './enums';
import { runs } from './runs';

/**
 * An operator action on a run of an engine Flowdeck does not run (cancel, deliver a hook, restart on another
 * deployment): recorded with its commit, then claimed and carried out by that engine's connector through
 * the engine's own API, which reports the outcome.
 */
export const engineActions = pgTable(
  'engine_actions',
  {
    id: text('id').primaryKey(),
    source: runSource('source').notNull(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    kind: engineActionKind('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: engineActionStatus('status').notNull().default('pending'),
    actor: text('actor').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    leaseExpiresAt: tstz('lease_expires_at'),
    error: text('error'),
    /** restart: the run the engine started (Flowdeck id, once imported). */
    resultRunId: text('result_run_id'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [index('engine_actions_claimable').on(t.source, t.status, t.createdAt), index('engine_actions_run').on(t.runId, t.createdAt)],
);

export type EngineActionRow = typeof engineActions.$inferSelect;

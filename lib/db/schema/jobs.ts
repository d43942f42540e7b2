import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { jobItemStatus, jobStatus, upgradeStrategy } from './enums';

/** A persisted bulk upgrade: survives a crash and resumes on restart. */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<'bulk_upgrade'>().notNull(),
    status: jobStatus('status').notNull(),
    actor: text('actor').notNull(),
    versionId: text('version_id').notNull(),
    targetVersionId: text('target_version_id').notNull(),
    strategy: upgradeStrategy('strategy').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull().default({}),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    error: text('error'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [index('jobs_status').on(t.status)],
);

/** One run of a job and what became of it; written in the same transaction as that run's upgrade. */
export const jobItems = pgTable(
  'job_items',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    runId: text('run_id').notNull(),
    status: jobItemStatus('status').notNull().default('pending'),
    newRunId: text('new_run_id'),
    reason: text('reason'),
    updatedAt: tstz('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.runId] }), index('job_items_pending').on(t.jobId, t.status)],
);

export type JobRow = typeof jobs.$inferSelect;
export type JobItemRow = typeof jobItems.$inferSelect;

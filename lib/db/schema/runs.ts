import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Waiting } from '@/lib/domain/run-machine';
import { textC, tstz } from './columns';
import { runPhase, runResult, upgradeStrategy } from './enums';
import { versions } from './versions';

export const runs = pgTable(
  'runs',
  {
    id: textC('id').primaryKey(),
    workflow: textC('workflow').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    groupPath: textC('group_path').notNull(),
    input: jsonb('input').notNull(),
    output: jsonb('output'),
    error: jsonb('error'),
    setupErrors: jsonb('setup_errors').$type<string[]>(),
    phase: runPhase('phase').notNull(),
    result: runResult('result').notNull().default('unknown'),
    waiting: jsonb('waiting').$type<Waiting>(),
    createdAt: tstz('created_at').notNull(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    updatedAt: tstz('updated_at').notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    lastSeq: integer('last_seq').notNull().default(0),
    upgradedFrom: text('upgraded_from'),
    upgradedTo: text('upgraded_to'),
    upgradeStrategy: upgradeStrategy('upgrade_strategy'),
    /** Set when a forced sunset left this run without a serving version. */
    stranded: boolean('stranded').notNull().default(false),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: tstz('lease_expires_at'),
  },
  (t) => [
    index('runs_phase_id').on(t.phase, t.id),
    index('runs_result_id').on(t.result, t.id),
    index('runs_workflow_id').on(t.workflow, t.id),
    index('runs_version_id').on(t.versionId, t.id),
    index('runs_group_path_id').on(t.groupPath, t.id),
    index('runs_active_by_version')
      .on(t.versionId, t.phase)
      .where(sql`${t.phase} in ('queued', 'running', 'paused')`),
    // Runners claim queued and running runs whose lease is free or expired, oldest lease first.
    index('runs_claimable')
      .on(t.leaseExpiresAt, t.id)
      .where(sql`${t.phase} in ('queued', 'running')`),
    // POST /hooks/:token finds the run waiting on a token.
    index('runs_hook_token')
      .on(sql`(${t.waiting}->>'token')`)
      .where(sql`${t.waiting}->>'kind' = 'hook'`),
  ],
);

export type RunRow = typeof runs.$inferSelect;

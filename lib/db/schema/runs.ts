import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Waiting } from '@/lib/domain/run-machine';
import { textC, tstz } from './columns';
import { runPhase, runResult, runSource, upgradeStrategy } from './enums';
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
    /** One line on why a finished run failed (or its setup errors), for the runs list: set when it finishes failed. */
    failureReason: text('failure_reason'),
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
    /** Where the run comes from: Flowdeck's ingest API, or an engine a connector imports (lib/domain/run-source.ts). */
    source: runSource('source').notNull().default('flowdeck'),
    /** The engine's own id of an imported run (`wrun_…`). */
    externalId: text('external_id'),
    /** The engine's own status word of an imported run. */
    engineStatus: text('engine_status'),
    /** The engine's full workflow id when `workflow` is its short name. */
    workflowRef: text('workflow_ref'),
    /** Digest of the last import of this run: an identical import changes nothing. */
    importDigest: text('import_digest'),
    /** Started on a draining or sunset version that Flowdeck could not refuse (an engine it does not run). */
    admittedWhileDraining: boolean('admitted_while_draining').notNull().default(false),
  },
  (t) => [
    index('runs_phase_id').on(t.phase, t.id),
    index('runs_result_id').on(t.result, t.id),
    index('runs_workflow_id').on(t.workflow, t.id),
    index('runs_version_id').on(t.versionId, t.id),
    index('runs_group_path_id').on(t.groupPath, t.id),
    index('runs_source_id').on(t.source, t.id),
    uniqueIndex('runs_source_external_id').on(t.source, t.externalId).where(sql`${t.externalId} is not null`),
    index('runs_active_by_version').on(t.versionId, t.phase).where(sql`${t.phase} in ('queued', 'running', 'paused')`),
    // Runners claim queued and running runs whose lease is free or expired, oldest lease first.
    index('runs_claimable').on(t.leaseExpiresAt, t.id).where(sql`${t.phase} in ('queued', 'running')`),
    // POST /hooks/:token finds the run waiting on a token.
    index('runs_hook_token').on(sql`(${t.waiting}->>'token')`).where(sql`${t.waiting}->>'kind' = 'hook'`),
  ],
);

export type RunRow = typeof runs.$inferSelect;

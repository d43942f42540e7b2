import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { StepAction, StepNeed } from '@/lib/domain/manifest';
import { textC, tstz } from './columns';
import { nodeStatus } from './enums';
import { runs } from './runs';

export const nodes = pgTable(
  'nodes',
  {
    runId: textC('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    action: text('action').$type<StepAction>().notNull(),
    signature: text('signature').notNull(),
    needs: jsonb('needs').$type<Required<StepNeed>[]>().notNull(),
    status: nodeStatus('status').notNull().default('pending'),
    attempt: integer('attempt').notNull().default(0),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    /** The step's input, when the engine records one (imported runs). */
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error'),
    /** Digest of the artifact manifest this node published; its own column, never packed into output. */
    artifactManifest: text('artifact_manifest'),
    /** Producer node id → the manifest digest this node staged from it. */
    stagedManifests: jsonb('staged_manifests').$type<Record<string, string>>().notNull().default({}),
    /** Run whose result this node reused after an upgrade. */
    reusedFrom: text('reused_from'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.nodeId] }),
    index('nodes_artifact_manifest').on(t.artifactManifest, t.runId),
    // Cache lookups: a successful node of the same step signature that published a manifest.
    index('nodes_cache').on(t.signature).where(sql`${t.status} = 'success' and ${t.artifactManifest} is not null`),
  ],
);

export type NodeRow = typeof nodes.$inferSelect;

/** One row per (consumer, producer) staging: finds every consumer of a digest through an index. */
export const stagedArtifacts = pgTable(
  'staged_artifacts',
  {
    runId: textC('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    producerId: text('producer_id').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.producerId] }), index('staged_artifacts_digest').on(t.digest, t.runId)],
);

import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CommitChange } from '@/lib/contract/commits';
import { tstz } from './columns';

export type { CommitChange };

/** The append-only, linear audit log of every change made through the control API. */
export const commits = pgTable(
  'commits',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    changes: jsonb('changes').$type<CommitChange[]>().notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('commits_seq').on(t.seq),
    uniqueIndex('commits_parent').on(t.parentId),
    index('commits_actor').on(t.actor, t.seq),
    index('commits_action').on(t.action, t.seq),
    // Commits touching an entity: changes @> '[{"entity": …, "id": …}]'.
    index('commits_changes').using('gin', t.changes.op('jsonb_path_ops')),
  ],
);

/** One row (id = 1): the head of the commit chain, moved by compare-and-swap. */
export const commitHead = pgTable('commit_head', {
  id: integer('id').primaryKey(),
  headId: text('head_id'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

export type CommitRow = typeof commits.$inferSelect;

import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { CommitChange, CommitDetail, CommitListItem } from '@/lib/contract/commits';
import type { Db } from '@/lib/db/client';
import { type CommitRow, commits } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';

export interface CommitQuery {
  entity?: CommitChange['entity'];
  id?: string;
  actor?: string;
  action?: string;
  cursor?: number;
  limit: number;
}

const ENTITY_LIST_LIMIT = 20;

function toItem(c: CommitRow): CommitListItem {
  return {
    id: c.id,
    parentId: c.parentId,
    seq: c.seq,
    actor: c.actor,
    action: c.action,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    entities: c.changes.slice(0, ENTITY_LIST_LIMIT).map((ch) => ({ entity: ch.entity, id: ch.id })),
    changeCount: c.changes.length,
  };
}

/** The commit log, newest first, filtered by entity (and id), actor and action; paged by seq. */
export async function listCommits(db: Db, q: CommitQuery): Promise<{ items: CommitListItem[]; nextCursor: number | null }> {
  const touches =
    q.entity || q.id
      ? sql`${commits.changes} @> ${JSON.stringify([{ ...(q.entity ? { entity: q.entity } : {}), ...(q.id ? { id: q.id } : {}) }])}::jsonb`
      : undefined;
  const rows = await db
    .select()
    .from(commits)
    .where(
      and(
        touches,
        q.actor ? eq(commits.actor, q.actor) : undefined,
        q.action ? eq(commits.action, q.action) : undefined,
        q.cursor !== undefined ? lt(commits.seq, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(commits.seq))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(toItem);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.seq ?? null) : null };
}

export async function getCommit(db: Db, id: string): Promise<CommitDetail> {
  const [c] = await db.select().from(commits).where(eq(commits.id, id));
  if (!c) throw notFound('commit', id);
  return { ...toItem(c), changes: c.changes };
}

import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { type CommitChange, type CommitRow, commitHead, commits } from '@/lib/db/schema';
import { newId } from '@/lib/domain/ids';

export interface CommitInput {
  actor: string;
  action: string;
  changes: CommitChange[];
  reason?: string | null;
}

/**
 * Appends one commit inside the caller's transaction: the parent is the current head, the head moves by
 * compare-and-swap (the head row is locked, so concurrent writers queue and the chain stays linear).
 * Call it after the entity changes, so every transaction takes entity locks first and the head last.
 */
export async function appendCommit(tx: Tx, input: CommitInput, now = new Date()): Promise<CommitRow> {
  await tx.insert(commitHead).values({ id: 1, headId: null, seq: 0 }).onConflictDoNothing();
  const [head] = await tx.select().from(commitHead).where(eq(commitHead.id, 1)).for('update');
  const id = newId('cmt', now.getTime());
  const seq = (head?.seq ?? 0) + 1;
  const [row] = await tx
    .insert(commits)
    .values({
      id,
      parentId: head?.headId ?? null,
      seq,
      actor: input.actor,
      action: input.action,
      reason: input.reason ?? null,
      changes: input.changes,
      createdAt: now,
    })
    .returning();
  const moved = await tx
    .update(commitHead)
    .set({ headId: id, seq })
    .where(sql`${commitHead.id} = 1 and ${commitHead.headId} is not distinct from ${head?.headId ?? null}`)
    .returning({ id: commitHead.id });
  if (moved.length !== 1) throw new Error('commit head moved under a held lock');
  return row as CommitRow;
}

/** Runs `fn` and its commit in one transaction: the change and its commit land together or not at all. */
export async function commitChange<T>(
  db: Db,
  fn: (tx: Tx) => Promise<{ result: T; commit: CommitInput | null }>,
): Promise<{ result: T; commit: CommitRow | null }> {
  return db.transaction(async (tx) => {
    const { result, commit } = await fn(tx);
    return { result, commit: commit ? await appendCommit(tx, commit) : null };
  });
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { type CommitChange, runs, versions } from '@/lib/db/schema';
import { appendCommit } from '@/lib/db/writes/commit';
import { versionSnapshot } from '@/lib/db/writes/snapshots';
import { ACTIVE_PHASES } from '@/lib/domain/run-phase';

/**
 * A draining version whose last active run just ended becomes sunset in the same transaction: recorded in
 * the caller's commit through `effects`, or in a commit of its own by `system`.
 */
export async function sunsetIfDrained(tx: Tx, versionId: string, now: Date, effects?: CommitChange[]): Promise<void> {
  // Lock the row but read only its status: most versions are not draining, and the full row carries the manifest.
  const [locked] = await tx.select({ status: versions.status }).from(versions).where(eq(versions.id, versionId)).for('update');
  if (locked?.status !== 'draining') return;
  const [version] = await tx.select().from(versions).where(eq(versions.id, versionId));
  if (!version) return;
  const [still] = await tx
    .select({ one: sql<number>`1` })
    .from(runs)
    .where(and(eq(runs.versionId, versionId), inArray(runs.phase, [...ACTIVE_PHASES])))
    .limit(1);
  if (still) return;
  const [after] = await tx
    .update(versions)
    .set({ status: 'sunset', updatedAt: now, rowVersion: version.rowVersion + 1 })
    .where(eq(versions.id, versionId))
    .returning();
  const change: CommitChange = { entity: 'version', id: versionId, before: versionSnapshot(version), after: versionSnapshot(after!) };
  if (effects) effects.push(change);
  else await appendCommit(tx, { actor: 'system', action: 'version.sunset', reason: 'drained: the last active run ended', changes: [change] }, now);
}

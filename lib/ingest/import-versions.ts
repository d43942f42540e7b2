import { and, eq, inArray } from 'drizzle-orm';
import type { ImportResult, ImportVersion } from '@/lib/contract/engine-import';
import type { Db, Tx } from '@/lib/db/client';
import { type CommitChange, type VersionRow, versions } from '@/lib/db/schema';
import { appendCommit } from '@/lib/db/writes/commit';
import { versionSnapshot } from '@/lib/db/writes/snapshots';
import { newId } from '@/lib/domain/ids';
import { prepareManifest, type VersionManifest } from '@/lib/domain/manifest';
import type { EngineSource } from '@/lib/domain/run-source';

const change = (before: VersionRow | null, after: VersionRow): CommitChange => ({
  entity: 'version',
  id: after.id,
  before: before ? versionSnapshot(before) : null,
  after: versionSnapshot(after),
});

/** Makes `version` the current one (the one the engine starts new runs on), recording both sides. */
async function makeCurrent(tx: Tx, version: VersionRow, now: Date, changes: CommitChange[]): Promise<VersionRow> {
  const [previous] = await tx.select().from(versions).where(eq(versions.isCurrent, true)).for('update');
  if (previous && previous.id !== version.id) {
    const [cleared] = await tx
      .update(versions)
      .set({ isCurrent: false, updatedAt: now, rowVersion: previous.rowVersion + 1 })
      .where(eq(versions.id, previous.id))
      .returning();
    changes.push(change(previous, cleared as VersionRow));
  }
  const [after] = await tx
    .update(versions)
    .set({ isCurrent: true, updatedAt: now, rowVersion: version.rowVersion + 1 })
    .where(eq(versions.id, version.id))
    .returning();
  changes.push(change(version, after as VersionRow));
  return after as VersionRow;
}

/**
 * Registers an engine's deployments as versions, keyed by (source, key): a new key is a new version
 * (commit `version.import`); a version the engine now starts its runs on becomes current (commit
 * `version.set-current`). Anything already known is left as it is, so importing twice changes nothing.
 */
export async function importVersions(db: Db, actor: string, source: EngineSource, list: ImportVersion[], now = new Date()): Promise<ImportResult['versions']> {
  const result: ImportResult['versions'] = [];
  for (const v of list) {
    const outcome = await db.transaction(async (tx) => {
      const [known] = await tx
        .select()
        .from(versions)
        .where(and(eq(versions.runSource, source), eq(versions.externalKey, v.key)))
        .for('update');
      const changes: CommitChange[] = [];
      if (known) {
        if (!v.current || known.isCurrent || known.deletedAt || known.status !== 'live') return { row: known, outcome: 'unchanged' as const };
        const row = await makeCurrent(tx, known, now, changes);
        await appendCommit(tx, { actor, action: 'version.set-current', reason: 'the engine starts its new runs on this deployment', changes }, now);
        return { row, outcome: 'updated' as const };
      }
      const manifest: VersionManifest = v.manifest ?? { workflows: {} };
      const [created] = await tx
        .insert(versions)
        .values({
          id: newId('vers', now.getTime()),
          label: v.label,
          manifest,
          ...prepareManifest(manifest),
          address: v.address ?? null,
          status: 'live',
          isCurrent: false,
          createdAt: now,
          updatedAt: now,
          runSource: source,
          externalKey: v.key,
        })
        .returning();
      let row = created as VersionRow;
      changes.push(change(null, row));
      if (v.current) row = await makeCurrent(tx, row, now, changes);
      await appendCommit(tx, { actor, action: 'version.import', reason: `deployment ${v.deploymentId}`, changes }, now);
      return { row, outcome: 'imported' as const };
    });
    result.push({ key: v.key, versionId: outcome.row.id, outcome: outcome.outcome });
  }
  return result;
}

/** The versions of a source by key, for the keys a batch of runs names. */
export async function versionsByKey(db: Db | Tx, source: EngineSource, keys: string[]): Promise<Map<string, VersionRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(versions)
    .where(and(eq(versions.runSource, source), inArray(versions.externalKey, [...new Set(keys)])));
  return new Map(rows.map((r) => [r.externalKey as string, r]));
}

import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { VersionDetail, VersionListItem } from '@/lib/contract/versions';
import type { Db } from '@/lib/db/client';
import { runCounts, runs, type VersionRow, versions } from '@/lib/db/schema';
import { type DrainReport, drainReport } from '@/lib/domain/drain';
import { ACTIVE_PHASES } from '@/lib/domain/run-phase';
import type { VersionStatus } from '@/lib/domain/version-status';
import { notFound } from '@/lib/errors';

function toItem(v: VersionRow, counts: Map<string, { active: number; total: number }>): VersionListItem {
  const c = counts.get(v.id) ?? { active: 0, total: 0 };
  return {
    id: v.id,
    label: v.label,
    status: v.status,
    isCurrent: v.isCurrent,
    address: v.address,
    manifestDigest: v.manifestDigest,
    workflows: Object.keys(v.manifest.workflows),
    activeRuns: c.active,
    totalRuns: c.total,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    rowVersion: v.rowVersion,
    runSource: v.runSource,
    externalKey: v.externalKey,
  };
}

/** Run totals per version from the maintained counters (O(versions)). */
async function versionCounts(db: Db, ids?: string[]): Promise<Map<string, { active: number; total: number }>> {
  const rows = await db
    .select({
      versionId: runCounts.versionId,
      active: sql<string>`sum(case when ${runCounts.phase} in ('queued', 'running', 'paused') then ${runCounts.n} else 0 end)`,
      total: sql<string>`sum(${runCounts.n})`,
    })
    .from(runCounts)
    .where(ids ? inArray(runCounts.versionId, ids) : undefined)
    .groupBy(runCounts.versionId);
  return new Map(rows.map((r) => [r.versionId, { active: Number(r.active), total: Number(r.total) }]));
}

/** Every version not deleted, newest first, with active and total run counts. */
export async function listVersions(db: Db): Promise<VersionListItem[]> {
  const rows = await db.select().from(versions).where(isNull(versions.deletedAt)).orderBy(desc(versions.id));
  const counts = await versionCounts(db);
  return rows.map((v) => toItem(v, counts));
}

export async function getVersionRow(db: Db, id: string): Promise<VersionRow> {
  const [v] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.id, id), isNull(versions.deletedAt)));
  if (!v) throw notFound('version', id);
  return v;
}

export async function getVersion(db: Db, id: string): Promise<VersionDetail> {
  const v = await getVersionRow(db, id);
  return { ...toItem(v, await versionCounts(db, [id])), manifest: v.manifest, signatures: v.signatures, source: v.source ?? null };
}

export async function getCurrentVersion(db: Db): Promise<VersionDetail> {
  const [v] = await db.select({ id: versions.id }).from(versions).where(eq(versions.isCurrent, true));
  if (!v) throw notFound('version', 'current');
  return getVersion(db, v.id);
}

/** The active runs that tie a version down, by state, with wake and hook times. */
export async function getDrainReport(db: Db, id: string): Promise<DrainReport & { status: VersionStatus; isCurrent: boolean }> {
  const v = await getVersionRow(db, id);
  const active = await db
    .select({ id: runs.id, phase: runs.phase, waiting: runs.waiting })
    .from(runs)
    .where(and(eq(runs.versionId, id), inArray(runs.phase, [...ACTIVE_PHASES])))
    .orderBy(desc(runs.id));
  return {
    ...drainReport(
      id,
      active.map((r) => ({ ...r, waiting: r.waiting ?? null })),
    ),
    status: v.status,
    isCurrent: v.isCurrent,
  };
}

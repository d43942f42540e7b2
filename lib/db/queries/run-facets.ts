import { desc, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { versions } from '@/lib/db/schema';
import type { VersionStatus } from '@/lib/domain/version-status';

export interface RunFacetVersion {
  id: string;
  status: VersionStatus;
  isCurrent: boolean;
  createdAt: string;
}

/** The choices of the run list's workflow and version filters. */
export interface RunFacets {
  /** Every workflow name any version's manifest defines, sorted. */
  workflows: string[];
  /** Versions not deleted, newest first. */
  versions: RunFacetVersion[];
}

/** Cheap: reads the versions table only (a handful of rows), never the runs. */
export async function listRunFacets(db: Db): Promise<RunFacets> {
  const rows = await db
    .select({ id: versions.id, status: versions.status, isCurrent: versions.isCurrent, createdAt: versions.createdAt })
    .from(versions)
    .where(isNull(versions.deletedAt))
    .orderBy(desc(versions.id));
  const names = await queryRows<{ name: string }>(
    db,
    sql`select distinct k.name from versions,
      jsonb_object_keys(case when jsonb_typeof(manifest->'workflows') = 'object' then manifest->'workflows' else '{}'::jsonb end) as k(name)
      order by k.name`,
  );
  return {
    workflows: names.map((n) => n.name),
    versions: rows.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

import { desc, isNull, sql } from 'drizzle-orm';
import type { RunFacets } from '@/lib/contract/runs';
import { type Db, queryRows } from '@/lib/db/client';
import { versions } from '@/lib/db/schema';
import type { RunSource } from '@/lib/domain/run-source';

/** Cheap: reads the versions table only (a handful of rows), never the runs. */
export async function listRunFacets(db: Db): Promise<RunFacets> {
  const rows = await db
    .select({
      id: versions.id,
      status: versions.status,
      isCurrent: versions.isCurrent,
      createdAt: versions.createdAt,
      label: versions.label,
      runSource: versions.runSource,
    })
    .from(versions)
    .where(isNull(versions.deletedAt))
    .orderBy(desc(versions.id));
  const names = await queryRows<{ name: string }>(
    db,
    sql`select distinct k.name from versions,
      jsonb_object_keys(case when jsonb_typeof(manifest->'workflows') = 'object' then manifest->'workflows' else '{}'::jsonb end) as k(name)
      order by k.name`,
  );
  const sources = [...new Set<RunSource>(['flowdeck', ...rows.map((v) => v.runSource)])];
  // An engine's deployment without a build manifest names no workflows: take them from its runs.
  const imported = sources.length > 1 ? await queryRows<{ name: string }>(db, sql`select distinct workflow as name from runs where source <> 'flowdeck'`) : [];
  return {
    workflows: [...new Set([...names.map((n) => n.name), ...imported.map((n) => n.name)])].sort(),
    sources,
    versions: rows.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

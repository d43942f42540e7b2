import { and, desc, eq, inArray } from 'drizzle-orm';
import type { VersionDiff } from '@/lib/contract/versions';
import type { Db } from '@/lib/db/client';
import { nodes, runs } from '@/lib/db/schema';
import { groupBy } from '@/lib/domain/group-by';
import { ACTIVE_PHASES } from '@/lib/domain/run-phase';
import { blastRadius, diffManifests } from '@/lib/domain/version-diff';
import { getVersionRow } from './versions';

const RADIUS_LIMIT = 5_000;

/** What changed from the older of two versions to the newer, and what upgrading its active runs would do. */
export async function diffVersions(db: Db, id: string, against: string): Promise<VersionDiff> {
  const [a, b] = await Promise.all([getVersionRow(db, id), getVersionRow(db, against)]);
  const [from, to] = a.id < b.id ? [a, b] : [b, a];
  const active = await db
    .select({ id: runs.id, workflow: runs.workflow, input: runs.input })
    .from(runs)
    .where(and(eq(runs.versionId, from.id), inArray(runs.phase, [...ACTIVE_PHASES])))
    .orderBy(desc(runs.id))
    .limit(RADIUS_LIMIT + 1);
  const sample = active.slice(0, RADIUS_LIMIT);
  const nodeRows = sample.length
    ? await db
        .select({ runId: nodes.runId, nodeId: nodes.nodeId, status: nodes.status, signature: nodes.signature })
        .from(nodes)
        .where(
          inArray(
            nodes.runId,
            sample.map((r) => r.id),
          ),
        )
    : [];
  const byRun = groupBy(nodeRows, (n) => n.runId);
  return {
    from: from.id,
    to: to.id,
    workflows: diffManifests(from.manifest, to.manifest),
    activeRuns: sample.length,
    sampled: active.length > RADIUS_LIMIT,
    blastRadius: blastRadius(
      sample.map((r) => ({ workflow: r.workflow, input: r.input, steps: byRun.get(r.id) ?? [] })),
      from.manifest,
      to.manifest,
    ),
  };
}

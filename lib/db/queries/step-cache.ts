import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { CacheHit } from '@/lib/contract/runner';
import type { Db } from '@/lib/db/client';
import { nodes } from '@/lib/db/schema';
import { iso } from './dto';

/**
 * The step cache (GET /api/v1/runner/cache): the most recently finished successful node with the same
 * step signature and exactly the same staged manifests (jsonb equality, key order irrelevant) that
 * published an artifact manifest. Served by the partial index nodes_cache. Null on a miss.
 */
export async function findCacheHit(db: Db, signature: string, staged: Record<string, string>): Promise<CacheHit | null> {
  const [row] = await db
    .select({ runId: nodes.runId, nodeId: nodes.nodeId, manifest: nodes.artifactManifest, output: nodes.output, finishedAt: nodes.finishedAt })
    .from(nodes)
    .where(
      and(
        eq(nodes.signature, signature),
        eq(nodes.status, 'success'),
        isNotNull(nodes.artifactManifest),
        sql`${nodes.stagedManifests} = ${JSON.stringify(staged)}::jsonb`,
      ),
    )
    .orderBy(sql`${nodes.finishedAt} desc nulls last`, desc(nodes.runId))
    .limit(1);
  if (!row?.manifest) return null;
  return { runId: row.runId, nodeId: row.nodeId, manifest: row.manifest, output: row.output ?? null, finishedAt: iso(row.finishedAt) };
}

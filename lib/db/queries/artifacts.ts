import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { blobs, manifests, nodes, runs, stagedArtifacts } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';

export interface ArtifactUse {
  runId: string;
  nodeId: string;
  workflow: string;
  runCreatedAt: string;
  /** The manifest digest through which the artifact was used. */
  manifest: string;
  /** For consumers: the producer node it was staged from. */
  producerId?: string;
}

export interface ArtifactUsage {
  digest: string;
  kind: 'manifest' | 'blob';
  size: number;
  fileCount: number | null;
  /** For a blob: the manifests that list it (at most 50). */
  manifests: string[];
  producedBy: ArtifactUse[];
  consumedBy: ArtifactUse[];
}

const LIMIT = 100;

/** Which nodes of which runs produced and consumed a manifest, or a blob through the manifests listing it. */
export async function getArtifactUsage(db: Db, digest: string): Promise<ArtifactUsage> {
  const [manifest] = await db.select().from(manifests).where(eq(manifests.digest, digest));
  const [blob] = manifest ? [] : await db.select().from(blobs).where(eq(blobs.digest, digest));
  if (!manifest && !blob) throw notFound('artifact', digest);
  const listing = manifest
    ? [digest]
    : (
        await db
          .select({ digest: manifests.digest })
          .from(manifests)
          .where(sql`${manifests.entries} @> ${JSON.stringify([{ digest }])}::jsonb`)
          .limit(50)
      ).map((m) => m.digest);
  const producedBy = listing.length
    ? await db
        .select({ runId: nodes.runId, nodeId: nodes.nodeId, workflow: runs.workflow, createdAt: runs.createdAt, manifest: nodes.artifactManifest })
        .from(nodes)
        .innerJoin(runs, eq(runs.id, nodes.runId))
        .where(inArray(nodes.artifactManifest, listing))
        .orderBy(desc(nodes.runId))
        .limit(LIMIT)
    : [];
  const consumedBy = listing.length
    ? await db
        .select({
          runId: stagedArtifacts.runId,
          nodeId: stagedArtifacts.nodeId,
          producerId: stagedArtifacts.producerId,
          workflow: runs.workflow,
          createdAt: runs.createdAt,
          manifest: stagedArtifacts.digest,
        })
        .from(stagedArtifacts)
        .innerJoin(runs, eq(runs.id, stagedArtifacts.runId))
        .where(inArray(stagedArtifacts.digest, listing))
        .orderBy(desc(stagedArtifacts.runId))
        .limit(LIMIT)
    : [];
  const use = (r: { runId: string; nodeId: string; workflow: string; createdAt: Date; manifest: string | null; producerId?: string }): ArtifactUse => ({
    runId: r.runId,
    nodeId: r.nodeId,
    workflow: r.workflow,
    runCreatedAt: r.createdAt.toISOString(),
    manifest: r.manifest ?? digest,
    ...(r.producerId ? { producerId: r.producerId } : {}),
  });
  return {
    digest,
    kind: manifest ? 'manifest' : 'blob',
    size: manifest ? manifest.totalSize : (blob?.size ?? 0),
    fileCount: manifest ? manifest.fileCount : null,
    manifests: manifest ? [] : listing,
    producedBy: producedBy.map(use),
    consumedBy: consumedBy.map(use),
  };
}

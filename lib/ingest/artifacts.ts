import { and, eq, inArray } from 'drizzle-orm';
import type { BlobStore } from '@/lib/artifacts/blob-store';
import type { Db } from '@/lib/db/client';
import { blobs, manifests, nodes, runs } from '@/lib/db/schema';
import { buildManifest, type ManifestEntry, manifestEntryProblems } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { isDigest } from '@/lib/domain/digest-format';
import { AppError, notFound } from '@/lib/errors';
import { assertLease, type LeaseClaim } from './lease-check';

export function assertDigest(digest: string): void {
  if (!isDigest(digest)) throw new AppError('invalid_input', `"${digest.slice(0, 80)}" is not a digest of the form sha256:<64 hex>`);
}

/** Stores a blob after checking its bytes hash to the digest; the same bytes again change nothing. */
export async function putBlob(db: Db, store: BlobStore, digest: string, bytes: Uint8Array, now = new Date()) {
  assertDigest(digest);
  const actual = sha256Digest(bytes);
  if (actual !== digest) throw new AppError('invalid_input', `content hashes to ${actual}, not ${digest}`, { expected: digest, actual });
  await store.put(digest, bytes);
  const inserted = await db.insert(blobs).values({ digest, size: bytes.byteLength, createdAt: now }).onConflictDoNothing().returning();
  return { digest, size: bytes.byteLength, created: inserted.length > 0 };
}

export async function getBlob(store: BlobStore, digest: string): Promise<Uint8Array> {
  assertDigest(digest);
  const bytes = await store.get(digest);
  if (!bytes) throw notFound('blob', digest);
  return bytes;
}

/**
 * Stores an artifact manifest (a list of files) under the digest of its RFC 8785 canonical JSON.
 * Every file it names must already be stored as a blob of that size.
 */
export async function putManifest(db: Db, digest: string, entries: ManifestEntry[], now = new Date()) {
  assertDigest(digest);
  const problems = manifestEntryProblems(entries);
  if (problems.length > 0) throw new AppError('invalid_input', problems.join('; '), { problems });
  const built = buildManifest(entries);
  if (built.digest !== digest) {
    throw new AppError('invalid_input', `canonical manifest hashes to ${built.digest}, not ${digest}`, { expected: digest, actual: built.digest });
  }
  const wanted = [...new Set(entries.map((e) => e.digest))];
  const known = wanted.length ? await db.select().from(blobs).where(inArray(blobs.digest, wanted)) : [];
  const sizes = new Map(known.map((b) => [b.digest, b.size]));
  const bad = entries.filter((e) => sizes.get(e.digest) !== e.size).map((e) => e.path);
  if (bad.length > 0) {
    throw new AppError('invalid_input', `files not stored as blobs of the stated size: ${bad.join(', ')}`, { missing: bad });
  }
  const totalSize = entries.reduce((sum, e) => sum + e.size, 0);
  const inserted = await db
    .insert(manifests)
    .values({ digest, entries: built.entries, fileCount: entries.length, totalSize, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return { digest, fileCount: entries.length, totalSize, created: inserted.length > 0 };
}

export async function getManifest(db: Db, digest: string) {
  assertDigest(digest);
  const [row] = await db.select().from(manifests).where(eq(manifests.digest, digest));
  if (!row) throw notFound('manifest', digest);
  return { digest: row.digest, entries: row.entries, fileCount: row.fileCount, totalSize: row.totalSize, createdAt: row.createdAt.toISOString() };
}

/**
 * Records the manifest a node published (seed 000 semantics): its own column, an empty digest clears it,
 * and later node events leave it as it is.
 */
export async function setArtifactManifest(db: Db, runId: string, nodeId: string, digest: string, lease?: LeaseClaim, now = new Date()) {
  if (digest !== '') assertDigest(digest);
  return db.transaction(async (tx) => {
    if (lease) {
      const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
      if (!run) throw notFound('run', runId);
      assertLease(run, lease, now);
    }
    if (digest !== '') {
      const [m] = await tx.select({ digest: manifests.digest }).from(manifests).where(eq(manifests.digest, digest));
      if (!m) throw new AppError('invalid_input', `manifest ${digest} is not stored: PUT it first`);
    }
    const updated = await tx
      .update(nodes)
      .set({ artifactManifest: digest === '' ? null : digest })
      .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)))
      .returning({ nodeId: nodes.nodeId, artifactManifest: nodes.artifactManifest });
    if (updated.length === 0) throw notFound('node', `${runId}/${nodeId}`);
    return { runId, nodeId, artifactManifest: updated[0]?.artifactManifest ?? null };
  });
}

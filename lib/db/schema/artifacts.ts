import { bigint, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { ManifestEntry } from '@/lib/domain/artifact-manifest';
import { tstz } from './columns';

/** A blob's bytes live in the blob store under the digest; this row records that it is there. */
export const blobs = pgTable('blobs', {
  digest: text('digest').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: tstz('created_at').notNull(),
});

/** An artifact manifest: the canonical JSON list of files, stored by its own digest. */
export const manifests = pgTable(
  'manifests',
  {
    digest: text('digest').primaryKey(),
    entries: jsonb('entries').$type<ManifestEntry[]>().notNull(),
    fileCount: integer('file_count').notNull(),
    totalSize: bigint('total_size', { mode: 'number' }).notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  // Finds the manifests that list a blob: entries @> '[{"digest": …}]'.
  (t) => [index('manifests_entries').using('gin', t.entries.op('jsonb_path_ops'))],
);

export type BlobRow = typeof blobs.$inferSelect;
export type ManifestRow = typeof manifests.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { VersionManifest } from '@/lib/domain/manifest';
import { tstz } from './columns';
import { runSource, versionStatus } from './enums';

export interface VersionSource {
  repo?: string;
  commit?: string;
  branch?: string;
}

export const versions = pgTable(
  'versions',
  {
    id: text('id').primaryKey(),
    /** A human name such as `v7` or `2026.11.3`; optional. */
    label: text('label'),
    manifest: jsonb('manifest').$type<VersionManifest>().notNull(),
    manifestDigest: text('manifest_digest').notNull(),
    /** Step id → signature, per workflow, computed by the registry. */
    signatures: jsonb('signatures').$type<Record<string, Record<string, string>>>().notNull(),
    address: text('address'),
    source: jsonb('source').$type<VersionSource>(),
    status: versionStatus('status').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    deletedAt: tstz('deleted_at'),
    rowVersion: integer('row_version').notNull().default(1),
    /** Where this version's runs come from (an engine's deployment for imported versions). */
    runSource: runSource('run_source').notNull().default('flowdeck'),
    /** The engine's key of an imported version: its deployment id, or deployment id plus build digest. */
    externalKey: text('external_key'),
  },
  (t) => [
    uniqueIndex('versions_one_current').on(t.isCurrent).where(sql`${t.isCurrent}`),
    index('versions_manifest_digest').on(t.manifestDigest),
    uniqueIndex('versions_source_key').on(t.runSource, t.externalKey).where(sql`${t.externalKey} is not null`),
  ],
);

export type VersionRow = typeof versions.$inferSelect;

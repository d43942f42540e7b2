import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Db, type Engine, queryRows } from './client';
import { acquireLock } from './lock';
import { shareDrizzleParsers } from './pglite-parsers';
import * as schema from './schema';
import { SCHEMA_VERSION, SchemaTooNewError } from './schema-version';

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded engine is used. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory` for a throwaway in-memory store. */
  dataDir: string;
  /** The `drizzle/` folder of migrations. */
  migrationsDir: string;
  /** For the embedded engine in memory: start from this data directory dump (fixtures). */
  loadDataDir?: Blob;
}

export interface OpenedDb {
  db: Db;
  engine: Engine;
  schemaVersion: number;
  close(): Promise<void>;
}

async function recordedSchemaVersion(db: Db): Promise<number> {
  const [table] = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.meta')::text as t`);
  if (!table?.t) return 0;
  const [row] = await queryRows<{ value: string }>(db, sql`select value from meta where key = 'schema_version'`);
  return row ? Number(row.value) : 0;
}

/** Refuses a newer schema before any write, applies pending migrations, records the version. */
async function gateAndMigrate(db: Db, migrate: () => Promise<void>): Promise<void> {
  const found = await recordedSchemaVersion(db);
  if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found, SCHEMA_VERSION);
  if (found === SCHEMA_VERSION) return;
  await migrate();
  await db
    .insert(schema.meta)
    .values({ key: 'schema_version', value: String(SCHEMA_VERSION) })
    .onConflictDoUpdate({ target: schema.meta.key, set: { value: String(SCHEMA_VERSION) } });
}

/** PGlite has no autovacuum and lets its WAL grow past a gigabyte under bulk loads: cap it (from the next open). */
async function capWal(db: Db): Promise<void> {
  const [row] = await queryRows<{ max_wal_size: string }>(db, sql`show max_wal_size`);
  if (row?.max_wal_size !== '256MB') await db.execute(sql.raw(`alter system set max_wal_size = '256MB'`));
}

async function openPostgres(url: string, migrationsFolder: string): Promise<OpenedDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (err) => console.error(`[flowdeck] postgres connection error: ${err.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    // Replicas starting together migrate one at a time.
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(7140222)');
      await gateAndMigrate(db, () => migratePg(drizzlePg(client, { schema }), { migrationsFolder }));
    } finally {
      await client.query('select pg_advisory_unlock(7140222)').catch(() => undefined);
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { db, engine: 'postgres', schemaVersion: SCHEMA_VERSION, close: () => pool.end() };
}

async function openPglite(dataDir: string, migrationsFolder: string, loadDataDir?: Blob): Promise<OpenedDb> {
  const memory = dataDir === 'memory';
  let release = () => {};
  if (!memory) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireLock(`${dataDir}.lock`);
  }
  try {
    const client = memory ? new PGlite({ loadDataDir }) : new PGlite(dataDir);
    await client.waitReady;
    shareDrizzleParsers(client);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    try {
      await gateAndMigrate(db, () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }));
      if (!memory) await capWal(db);
    } catch (err) {
      await client.close();
      throw err;
    }
    const close = async () => {
      if (client.closed) return;
      await client.close();
      release();
    };
    return { db, engine: 'pglite', schemaVersion: SCHEMA_VERSION, close };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens the store: PostgreSQL when a URL is given, else the embedded engine; migrates on open. */
export function openDb(options: OpenOptions): Promise<OpenedDb> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.migrationsDir)
    : openPglite(options.dataDir, options.migrationsDir, options.loadDataDir);
}

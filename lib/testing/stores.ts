import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type OpenedDb } from '@/lib/db/open';
import { queryRows, type Db } from '@/lib/db/client';
import { sql } from 'drizzle-orm';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../drizzle');

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, empty, migrated store of this engine. */
  open(): Promise<OpenedDb>;
}

/** A new database on the server of DATABASE_URL, dropped on close. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  // FLOWDECK_TEST_DB_PREFIX tells apart the databases of suites sharing one server.
  const prefix = /^[a-z_][a-z0-9_]{0,30}$/.test(process.env.FLOWDECK_TEST_DB_PREFIX ?? '') ? process.env.FLOWDECK_TEST_DB_PREFIX : 'flowdeck_t';
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set (each store in a database of its own). */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', open: () => openDb({ dataDir: 'memory', migrationsDir: MIGRATIONS_DIR }) }];
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    engines.push({
      name: 'postgres',
      async open() {
        const database = await createPostgresDatabase(baseUrl);
        const opened = await openDb({ databaseUrl: database.url, dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });
        return {
          ...opened,
          async close() {
            await opened.close();
            await database.drop();
          },
        };
      },
    });
  }
  return engines;
}

const TABLES = ['versions', 'runs', 'nodes', 'staged_artifacts', 'events', 'blobs', 'manifests', 'commits', 'commit_head', 'tokens', 'run_counts', 'meta'];

/** A digest of every table's content: equal before and after means the store is unchanged. */
export async function storeDigest(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ d: string }>(
      db,
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${table} t`),
    );
    out[table] = row?.d ?? '';
  }
  return out;
}

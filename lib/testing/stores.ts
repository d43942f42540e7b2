import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { type OpenedDb, openDb } from '@/lib/db/open';
import { createPostgresDatabase } from './postgres-database';

export { createPostgresDatabase };

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../drizzle');

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, empty, migrated store of this engine. */
  open(): Promise<OpenedDb>;
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

const tablesOf = new WeakMap<Db, Promise<string[]>>();

/** Every table of the store's schema (the migrations' own bookkeeping lives elsewhere). */
function storeTables(db: Db): Promise<string[]> {
  let tables = tablesOf.get(db);
  if (!tables) {
    tables = queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ).then((rows) => rows.map((r) => r.name));
    tablesOf.set(db, tables);
  }
  return tables;
}

/**
 * A digest of every table's content, in one query: equal before and after means the store is
 * unchanged (any change to any row changes its table's hash sum, barring a 64-bit collision). Cheap on
 * a small store, so a test can take it around every request.
 */
export async function storeDigest(db: Db, ignore: Readonly<Record<string, readonly string[]>> = {}): Promise<Record<string, string>> {
  const tables = await storeTables(db);
  // Per table: the row count and the sum of a 64-bit hash of each row's text. Order-free, so no sort.
  // `ignore` leaves bookkeeping columns out (a token's last use is not content).
  const row = (t: string) => (ignore[t]?.length ? `(to_jsonb(t) - array[${ignore[t].map((c) => `'${c}'`).join(', ')}])::text` : 't::text');
  const parts = tables.map((t) => `select '${t}' as name, count(*) || ':' || coalesce(sum(hashtextextended(${row(t)}, 0)), 0) as d from "${t}" t`);
  const rows = await queryRows<{ name: string; d: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.d]));
}

/**
 * The store's write-ahead-log position. Every change to a table writes WAL first, so an unchanged
 * position proves an unchanged store (the converse does not hold: reads may prune pages, and on a
 * shared server other databases write too). A cheap first check before storeDigest().
 */
export async function walPosition(db: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(db, sql`select pg_current_wal_lsn()::text as lsn`);
  return row?.lsn ?? '';
}

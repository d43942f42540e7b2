import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { getLogPage } from '@/lib/db/queries/logs';
import { getRun, getRunNode, listRuns } from '@/lib/db/queries/runs';
import { createPostgresDatabase, MIGRATIONS_DIR, storeDigest } from '@/lib/testing/stores';
import { type Db, queryRows } from './client';
import { StoreLockedError } from './lock';
import { openDb } from './open';
import * as schema from './schema';
import { SCHEMA_VERSION, SchemaTooNewError } from './schema-version';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-open-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function migrationCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(row?.n);
}

describe('schema version', () => {
  it('is derived from the migration journal', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(SCHEMA_VERSION).toBe(journal.entries.length);
  });

  it('is recorded on open', async () => {
    const store = await openDb({ dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });
    const rows = await store.db.select().from(schema.meta);
    expect(rows).toEqual([{ key: 'schema_version', value: String(SCHEMA_VERSION) }]);
    await store.close();
  });
});

describe('embedded store', () => {
  it('refuses a database with a newer schema, writing nothing', async () => {
    const dataDir = path.join(tmp, 'newer');
    const first = await openDb({ dataDir, migrationsDir: MIGRATIONS_DIR });
    await first.close();
    const raw = new PGlite(dataDir);
    const rawDb = drizzle(raw, { schema }) as unknown as Db;
    await rawDb.execute(sql`update meta set value = '99' where key = 'schema_version'`);
    const before = { tables: await storeDigest(rawDb), migrations: await migrationCount(rawDb) };
    await raw.close();

    const attempt = openDb({ dataDir, migrationsDir: MIGRATIONS_DIR });
    await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(attempt).rejects.toThrow(new RegExp(`schema version 99, newer than this Flowdeck knows \\(${SCHEMA_VERSION}\\)`));

    const again = new PGlite(dataDir);
    const againDb = drizzle(again, { schema }) as unknown as Db;
    expect({ tables: await storeDigest(againDb), migrations: await migrationCount(againDb) }).toEqual(before);
    await again.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('lets only one process open a data directory, naming the holder', async () => {
    const dataDir = path.join(tmp, 'locked');
    const store = await openDb({ dataDir, migrationsDir: MIGRATIONS_DIR });
    const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
    const child = spawnSync(
      process.execPath,
      [tsx, '--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'lib/db/fixtures/try-open.ts'), dataDir, MIGRATIONS_DIR],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(child.status).toBe(3);
    expect(child.stderr).toContain(`in use by another process (pid ${process.pid}`);
    await expect(openDb({ dataDir, migrationsDir: MIGRATIONS_DIR })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const dataDir = path.join(tmp, 'stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: Number(dead.stdout), host: 'x', since: '2026-01-01' }));
    const store = await openDb({ dataDir, migrationsDir: MIGRATIONS_DIR });
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });
});

describe('released schema fixtures', () => {
  const fixtures = fs.readdirSync(path.join(import.meta.dirname, 'fixtures')).filter((f) => /^schema-\d+\.tar\.gz$/.test(f));

  it('has one for every schema version', () => {
    expect(fixtures.sort()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => `schema-${i + 1}.tar.gz`).sort());
  });

  it.each(fixtures)('%s opens, migrates and reads with the current code', async (file) => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', file));
    const store = await openDb({ dataDir: 'memory', migrationsDir: MIGRATIONS_DIR, loadDataDir: new Blob([bytes]) });
    const page = await listRuns(store.db, { limit: 10 });
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    const started = page.items.find((r) => r.phase === 'running' && r.source === 'flowdeck');
    expect(started).toBeDefined();
    expect(await getRunNode(store.db, started!.id, 'build')).toMatchObject({ status: 'success', output: { image: 'app:1' } });
    expect(page.items.some((r) => r.phase === 'setuperror')).toBe(true);
    const imported = page.items.find((r) => r.source === 'workflow-local');
    if (Number(file.match(/\d+/)?.[0]) >= 3) {
      expect(imported).toMatchObject({ workflow: 'processOrder', waiting: { kind: 'hook', token: 'approval-fixture' } });
      expect((await getRun(store.db, imported!.id)).externalId).toBe('wrun_01FIXTURE0000000000000000');
    }
    if (Number(file.match(/\d+/)?.[0]) >= 4) {
      const log = await getLogPage(store.db, started!.id, 'build', { limit: 10 });
      expect(log.lines.map((l) => l.text)).toEqual(['compiling app', 'warning: unused import', 'built app:1']);
      expect(log.attempts).toMatchObject([{ attempt: 1, lines: 3, ended: true }]);
    }
    const [meta] = await store.db.select().from(schema.meta);
    expect(meta?.value).toBe(String(SCHEMA_VERSION));
    await store.close();
  });
});

describe.runIf(process.env.DATABASE_URL)('postgres store', () => {
  it('refuses a database with a newer schema, writing nothing', async () => {
    const database = await createPostgresDatabase(process.env.DATABASE_URL as string);
    try {
      const first = await openDb({ databaseUrl: database.url, dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });
      await first.db.execute(sql`update meta set value = '42' where key = 'schema_version'`);
      const before = { tables: await storeDigest(first.db), migrations: await migrationCount(first.db) };
      const attempt = openDb({ databaseUrl: database.url, dataDir: 'memory', migrationsDir: MIGRATIONS_DIR });
      await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
      expect({ tables: await storeDigest(first.db), migrations: await migrationCount(first.db) }).toEqual(before);
      await first.close();
    } finally {
      await database.drop();
    }
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';

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

import { PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pgTable, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from './client';
import { DRIZZLE_TEXT_TYPES, shareDrizzleParsers } from './pglite-parsers';
import * as schema from './schema';

const KINDS = sql`
  select '2026-11-01 12:00:00.123456+02'::timestamptz as tstz, '2026-11-01 12:00:00'::timestamp as ts, '2026-11-01'::date as d,
         interval '1 day 2 hours' as i, array['2026-11-01 12:00:00+00'::timestamptz] as tstz_list, array[1.50]::numeric[] as numerics,
         array['2026-11-01'::date] as dates, 12.5::numeric as num, 7::int8 as big, 3::int as n, true as b, '{"a":[1,null]}'::jsonb as j,
         array['x','y'] as texts, array[1,2] as ints, null::timestamptz as nothing`;

type ParserTable = Record<number, (value: string) => unknown>;
const parserTable = (client: PGlite): ParserTable => (client as unknown as { parsers: ParserTable }).parsers;

/** Said by every check of what the patch relies on in PGlite and drizzle, so a failure names what to update. */
const RELIED_ON =
  'lib/db/pglite-parsers.ts relies on this in @electric-sql/pglite or drizzle-orm, and it changed: ' +
  'update shareDrizzleParsers (or stop calling it in lib/db/open.ts) before taking the new version';

/** Wraps a client's query and its transactions' query, recording the options each call passes on to PGlite. */
function recordOptions(client: PGlite): Array<QueryOptions | undefined> {
  const seen: Array<QueryOptions | undefined> = [];
  const query = client.query.bind(client);
  client.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
    seen.push(options);
    return query(text, params, options);
  }) as PGlite['query'];
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
        seen.push(options);
        return txQuery(text, params, options);
      }) as Transaction['query'];
      return callback(tx);
    })) as PGlite['transaction'];
  return seen;
}

const NOW = sql`select now() as at`;
const probes = pgTable('probes', { at: timestamp('at', { withTimezone: true, mode: 'string' }) });

describe('what the shared parsers rely on in PGlite and drizzle', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = new PGlite();
    await client.waitReady;
  });
  afterAll(() => client.close());

  it('drizzle passes exactly the text parsers of DRIZZLE_TEXT_TYPES with every query, in and out of transactions', async () => {
    await client.exec('create table probes (at timestamptz)');
    const seen = recordOptions(client);
    const db = drizzle(client, { schema }) as unknown as Db;
    await queryRows(db, NOW);
    await db.select().from(probes);
    await db.transaction((tx) => queryRows(tx, NOW));
    const drizzleCalls = seen.filter((o) => o?.parsers);
    expect(
      drizzleCalls.map((o) => o?.rowMode),
      RELIED_ON,
    ).toEqual(['object', 'array', 'object']);
    for (const options of drizzleCalls) {
      const keys = Object.keys(options!.parsers!).map(Number);
      expect(keys.sort(), `${RELIED_ON} (the types drizzle reads as text)`).toEqual([...DRIZZLE_TEXT_TYPES].sort());
      for (const parse of Object.values(options!.parsers!)) expect(parse('2026-11-01 12:00:00+00', 0), RELIED_ON).toBe('2026-11-01 12:00:00+00');
    }
    expect([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE], RELIED_ON).toEqual([1114, 1184, 1186, 1082]);
  });

  it('a PGlite instance has its own table of parsers by type, which every query reads and its own parsers override', async () => {
    expect(Object.hasOwn(client, 'parsers'), `${RELIED_ON} (PGlite#parsers)`).toBe(true);
    const table = parserTable(client);
    expect(typeof table, `${RELIED_ON} (PGlite#parsers)`).toBe('object');
    expect(typeof table[types.TIMESTAMPTZ], `${RELIED_ON} (PGlite#parsers[TIMESTAMPTZ])`).toBe('function');
    const original = table[types.INT4];
    try {
      table[types.INT4] = (v) => `table:${v}`;
      expect((await client.query('select 3::int as n')).rows, `${RELIED_ON} (queries read PGlite#parsers)`).toEqual([{ n: 'table:3' }]);
      expect((await client.transaction((tx) => tx.query('select 3::int as n'))).rows, `${RELIED_ON} (transactions read PGlite#parsers)`).toEqual([
        { n: 'table:3' },
      ]);
      const own = { parsers: { [types.INT4]: (v: string) => `own:${v}` } };
      expect((await client.query('select 3::int as n', [], own)).rows, `${RELIED_ON} (a query's own parsers win)`).toEqual([{ n: 'own:3' }]);
    } finally {
      table[types.INT4] = original!;
    }
  });

  it('queries reach PGlite without drizzle parsers once they are shared, and the shared table keeps them', async () => {
    const other = new PGlite();
    try {
      await other.waitReady;
      const reaching = recordOptions(other);
      shareDrizzleParsers(other);
      const installed = DRIZZLE_TEXT_TYPES.map((type) => parserTable(other)[type]);
      const db = drizzle(other, { schema }) as unknown as Db;
      await queryRows(db, KINDS);
      await db.transaction((tx) => queryRows(tx, KINDS));
      expect(reaching.length, RELIED_ON).toBeGreaterThanOrEqual(2);
      expect(
        reaching.map((o) => o?.parsers),
        `${RELIED_ON} (drizzle's parsers still reach PGlite)`,
      ).toEqual(reaching.map(() => undefined));
      expect(
        DRIZZLE_TEXT_TYPES.map((type) => parserTable(other)[type]),
        `${RELIED_ON} (PGlite replaced the installed parsers)`,
      ).toEqual(installed);
    } finally {
      await other.close();
    }
  });
});

describe('shared drizzle parsers on PGlite', () => {
  let plain: PGlite;
  let shared: PGlite;
  beforeAll(async () => {
    [plain, shared] = [new PGlite(), new PGlite()];
    await Promise.all([plain.waitReady, shared.waitReady]);
    shareDrizzleParsers(shared);
  });
  afterAll(async () => {
    await plain.close();
    await shared.close();
  });

  it('reads every kind of value exactly as drizzle does without them, in and out of transactions', async () => {
    const [a, b] = [drizzle(plain, { schema }) as unknown as Db, drizzle(shared, { schema }) as unknown as Db];
    const expected = await queryRows<Record<string, unknown>>(a, KINDS);
    expect(await queryRows(b, KINDS)).toEqual(expected);
    expect(await b.transaction((tx) => queryRows(tx, KINDS))).toEqual(expected);
    expect(expected[0]).toMatchObject({ tstz: '2026-11-01 10:00:00.123456+00', d: '2026-11-01', texts: ['x', 'y'], ints: [1, 2], j: { a: [1, null] } });
  });

  it('leaves queries with other parsers of their own alone', async () => {
    const options = { parsers: { 23: (v: string) => `int:${v}` } };
    expect((await shared.query('select 3::int as n', [], options)).rows).toEqual([{ n: 'int:3' }]);
    expect((await shared.query('select 3::int as n')).rows).toEqual([{ n: 3 }]);
  });
});

import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from './client';
import { shareDrizzleParsers } from './pglite-parsers';
import * as schema from './schema';

const KINDS = sql`
  select '2026-11-01 12:00:00.123456+02'::timestamptz as tstz, '2026-11-01 12:00:00'::timestamp as ts, '2026-11-01'::date as d,
         interval '1 day 2 hours' as i, array['2026-11-01 12:00:00+00'::timestamptz] as tstz_list, array[1.50]::numeric[] as numerics,
         array['2026-11-01'::date] as dates, 12.5::numeric as num, 7::int8 as big, 3::int as n, true as b, '{"a":[1,null]}'::jsonb as j,
         array['x','y'] as texts, array[1,2] as ints, null::timestamptz as nothing`;

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

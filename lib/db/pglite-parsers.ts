import { type PGlite, type QueryOptions, types } from '@electric-sql/pglite';

type Parser = (value: string) => unknown;

/**
 * The types drizzle's PGlite session reads as text, by the parsers it passes with every query: timestamps,
 * dates and intervals and their arrays (numeric[] too).
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const textTypes = new Set(DRIZZLE_TEXT_TYPES.map(String));
const asText: Parser = (value) => value;

/** Options without drizzle's parsers when they are exactly the text ones installed in the client's table. */
function withoutTextParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers) return options;
  const keys = Object.keys(options.parsers);
  if (keys.length === 0 || !keys.every((k) => textTypes.has(k))) return options;
  return { ...options, parsers: undefined };
}

/**
 * PGlite merges a query's own parsers into a copy of its table of every type's parser (300+ entries) on each
 * query, and drizzle passes its text parsers with every query: a copy per statement that costs more than a
 * small query itself. Install those parsers in the client's table once and drop them from each query's
 * options; rows parse exactly as before. Nothing else queries this client without drizzle.
 *
 * This leans on internals (PGlite's per-instance `parsers` table, drizzle's per-query parsers): the test
 * beside this file checks each of them and fails naming this file when a new version changes one.
 */
export function shareDrizzleParsers(client: PGlite): void {
  const table = (client as unknown as { parsers: Record<number, Parser> }).parsers;
  for (const type of DRIZZLE_TEXT_TYPES) table[type] = asText;
  const query = client.query.bind(client);
  client.query = ((text: string, params?: unknown[], options?: QueryOptions) => query(text, params, withoutTextParsers(options))) as PGlite['query'];
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: Parameters<PGlite['transaction']>[0]) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text: string, params?: unknown[], options?: QueryOptions) => txQuery(text, params, withoutTextParsers(options))) as typeof tx.query;
      return callback(tx);
    })) as PGlite['transaction'];
}

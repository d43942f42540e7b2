import 'server-only';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { decodedParam, requirePageCaller } from './page-guard';
import { getStore } from './store';

/** A schema of a detail route's params: every value arrives as a string. */
type ParamsSchema = z.ZodType<unknown, Record<string, string>>;

export interface PageLoaderSpec<S extends ParamsSchema, T, M> {
  /** The zod schema of the route params; a value it rejects is a page that does not exist. */
  params: S;
  /** The page itself, to come back to after signing in (from the params as typed). */
  path(raw: z.input<S>): string;
  /** Reads the entity; an `AppError` `not_found` becomes the segment's not-found page, anything else its error page. */
  load(db: Db, params: z.output<S>): Promise<T>;
  /** What a page shows for params the schema rejects, instead of the not-found page. */
  malformed?(raw: z.input<S>): M;
}

/**
 * The one way a detail page reads its entity: sign the caller in, parse the params with zod, load, and turn
 * a missing entity into `notFound()`. Cached per request, so `generateMetadata` and the page share one load.
 */
export function pageLoader<S extends ParamsSchema, T, M = never>(spec: PageLoaderSpec<S, T, M>): (params: Promise<z.input<S>>) => Promise<T | M> {
  // Keyed by a string: React's cache compares arguments by identity.
  const load = cache(async (key: string): Promise<T | M> => {
    const raw = JSON.parse(key) as z.input<S>;
    await connection();
    await requirePageCaller(spec.path(raw));
    const parsed = spec.params.safeParse(raw);
    if (!parsed.success) return spec.malformed ? spec.malformed(raw) : notFound();
    const { db } = await getStore();
    try {
      return await spec.load(db, parsed.data as z.output<S>);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') notFound();
      throw err;
    }
  });
  return async (params) => {
    const raw = Object.entries(await params).map(([name, value]) => [name, decodedParam(value)] as const);
    return load(JSON.stringify(Object.fromEntries(raw.sort(([a], [b]) => (a < b ? -1 : 1)))));
  };
}

import type { CacheResponse } from '@/lib/contract/runner';
import { findCacheHit } from '@/lib/db/queries/step-cache';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** A successful node with the same step signature and staged inputs, or null (contract: lib/contract/runner.ts). */
export const GET = endpoint('GET /api/v1/runner/cache', async ({ query: { signature, staged } }) => {
  const { db } = await getStore();
  const response: CacheResponse = { hit: await findCacheHit(db, signature, staged) };
  return Response.json(response);
});

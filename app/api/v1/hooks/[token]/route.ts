import { deliverHook } from '@/lib/ingest/hooks';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Delivers a hook to the run waiting on the token; public, the token is the secret (lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/hooks/{token}', async ({ params, body, caller }) => {
  const { db } = await getStore();
  return Response.json(await deliverHook(db, params.token, body.payload, caller.actor));
});

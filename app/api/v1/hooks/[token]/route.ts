import { endpoint } from '@/lib/server/endpoint';
import { HookBody, HookParams } from '@/lib/contract/schemas';
import { deliverHook } from '@/lib/ingest/hooks';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ token: string }> };

/** Delivers a hook to the run waiting on the token; public, the token is the secret (lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/hooks/{token}', async (req, ctx: Ctx, caller) => {
  const { token } = HookParams.parse(await ctx.params);
  const body = req.headers.get('content-type') ? await readJson(req, HookBody) : {};
  const { db } = await getStore();
  return Response.json(await deliverHook(db, token, body.payload, caller.actor));
});

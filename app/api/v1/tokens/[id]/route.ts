import { TokenParams } from '@/lib/contract/auth-schemas';
import { revokeToken } from '@/lib/control/tokens';
import { getToken } from '@/lib/db/queries/tokens';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = endpoint('GET /api/v1/tokens/{id}', async (_req, ctx: Ctx) => {
  const { id } = TokenParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getToken(db, id));
});

/** Revokes the token: 204, also when it already was (no second commit). */
export const DELETE = endpoint('DELETE /api/v1/tokens/{id}', async (_req, ctx: Ctx, caller) => {
  const { id } = TokenParams.parse(await ctx.params);
  const { db } = await getStore();
  await revokeToken(db, caller.actor, id);
  return new Response(null, { status: 204 });
});

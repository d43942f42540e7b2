import { revokeToken } from '@/lib/control/tokens';
import { getToken } from '@/lib/db/queries/tokens';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/tokens/{id}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getToken(db, params.id));
});

/** Revokes the token: 204, also when it already was (no second commit). */
export const DELETE = endpoint('DELETE /api/v1/tokens/{id}', async ({ params, caller }) => {
  const { db } = await getStore();
  await revokeToken(db, caller.actor, params.id);
  return new Response(null, { status: 204 });
});

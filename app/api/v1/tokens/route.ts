import { createToken } from '@/lib/control/tokens';
import { listTokens } from '@/lib/db/queries/tokens';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/tokens', async () => {
  const { db } = await getStore();
  return Response.json({ items: await listTokens(db) });
});

/** 201 with `{ token, secret }`: the only response that ever carries the secret (not cached). */
export const POST = endpoint('POST /api/v1/tokens', async ({ body, caller }) => {
  const { db } = await getStore();
  const created = await createToken(db, caller.actor, body);
  return Response.json(created, { status: 201, headers: { Location: routes.api.token(created.token.id), 'Cache-Control': 'no-store' } });
});

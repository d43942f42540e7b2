import { getCommit } from '@/lib/db/queries/commits';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** One commit with the before and after of each change. */
export const GET = endpoint('GET /api/v1/commits/{id}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getCommit(db, params.id));
});

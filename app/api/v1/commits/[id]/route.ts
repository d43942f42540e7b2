import { endpoint } from '@/lib/server/endpoint';
import { CommitParams } from '@/lib/contract/schemas';
import { getCommit } from '@/lib/db/queries/commits';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** One commit with the before and after of each change. */
export const GET = endpoint('GET /api/v1/commits/{id}', async (_req, ctx: Ctx) => {
  const { id } = CommitParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getCommit(db, id));
});

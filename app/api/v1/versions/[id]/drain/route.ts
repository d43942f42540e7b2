import { endpoint } from '@/lib/server/endpoint';
import { VersionParams } from '@/lib/contract/schemas';
import { getDrainReport } from '@/lib/db/queries/versions';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** The active runs that tie the version down: running, queued, paused, sleeping, waiting on a hook. */
export const GET = endpoint('GET /api/v1/versions/{id}/drain', async (_req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getDrainReport(db, id));
});

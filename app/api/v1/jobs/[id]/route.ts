import { endpoint } from '@/lib/server/endpoint';
import { JobParams } from '@/lib/contract/schemas';
import { getJob } from '@/lib/db/queries/jobs';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** A bulk job's progress and per-run outcome. */
export const GET = endpoint('GET /api/v1/jobs/{id}', async (_req, ctx: Ctx) => {
  const { id } = JobParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getJob(db, id));
});

import { endpoint } from '@/lib/server/endpoint';
import { RunParams } from '@/lib/contract/schemas';
import { getRun } from '@/lib/db/queries/runs';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

export const GET = endpoint('GET /api/v1/runs/{runId}', async (_req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getRun(db, runId));
});

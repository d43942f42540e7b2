import { endpoint } from '@/lib/server/endpoint';
import { NodeParams } from '@/lib/contract/schemas';
import { getRunNode } from '@/lib/db/queries/runs';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string; nodeId: string }> };

export const GET = endpoint('GET /api/v1/runs/{runId}/nodes/{nodeId}', async (_req, ctx: Ctx) => {
  const { runId, nodeId } = NodeParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getRunNode(db, runId, nodeId));
});

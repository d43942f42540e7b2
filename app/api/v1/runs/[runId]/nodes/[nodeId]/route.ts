import { getRunNode } from '@/lib/db/queries/runs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** One node with its input, output and error: the run page loads it when the node's panel opens. */
export const GET = endpoint('GET /api/v1/runs/{runId}/nodes/{nodeId}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getRunNode(db, params.runId, params.nodeId));
});

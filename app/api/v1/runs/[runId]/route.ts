import { endpoint } from '@/lib/server/endpoint';
import { getRun } from '@/lib/db/queries/runs';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/runs/{runId}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getRun(db, params.runId));
});

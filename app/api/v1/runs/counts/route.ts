import { countRuns } from '@/lib/db/queries/runs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/runs/counts', async ({ query }) => {
  const { db } = await getStore();
  return Response.json(await countRuns(db, query));
});

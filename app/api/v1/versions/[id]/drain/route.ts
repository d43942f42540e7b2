import { getDrainReport } from '@/lib/db/queries/versions';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The active runs that tie the version down: running, queued, paused, sleeping, waiting on a hook. */
export const GET = endpoint('GET /api/v1/versions/{id}/drain', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getDrainReport(db, params.id));
});

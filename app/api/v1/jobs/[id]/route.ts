import { getJob } from '@/lib/db/queries/jobs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** A bulk job's progress and per-run outcome. */
export const GET = endpoint('GET /api/v1/jobs/{id}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getJob(db, params.id));
});

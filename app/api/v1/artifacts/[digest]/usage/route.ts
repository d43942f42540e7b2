import { getArtifactUsage } from '@/lib/db/queries/artifacts';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Which nodes of which runs produced and consumed a manifest or blob digest, newest first. */
export const GET = endpoint('GET /api/v1/artifacts/{digest}/usage', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getArtifactUsage(db, params.digest));
});

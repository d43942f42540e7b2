import { diffVersions } from '@/lib/db/queries/version-diff';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Steps and input schemas compared, and the blast radius of upgrading the older version's active runs. */
export const GET = endpoint('GET /api/v1/versions/{id}/diff', async ({ params, query }) => {
  const { db } = await getStore();
  return Response.json(await diffVersions(db, params.id, query.against));
});

import { listRunFacets } from '@/lib/db/queries/run-facets';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The workflow and version choices of the run filters. */
export const GET = endpoint('GET /api/v1/runs/facets', async () => {
  const { db } = await getStore();
  return Response.json(await listRunFacets(db));
});

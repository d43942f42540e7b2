import { listRunFacets } from '@/lib/db/queries/run-facets';
import { withErrors } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The workflow and version choices of the run filters. */
export const GET = withErrors(async () => {
  const { db } = await getStore();
  return Response.json(await listRunFacets(db));
});

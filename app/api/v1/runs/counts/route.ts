import { RunFilters } from '@/lib/api/schemas';
import { countRuns } from '@/lib/db/queries/runs';
import { searchParams, withErrors } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async (req) => {
  const filters = RunFilters.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await countRuns(db, filters));
});

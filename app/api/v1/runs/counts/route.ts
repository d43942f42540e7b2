import { endpoint } from '@/lib/server/endpoint';
import { RunFilters } from '@/lib/contract/schemas';
import { countRuns } from '@/lib/db/queries/runs';
import { searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/runs/counts', async (req) => {
  const filters = RunFilters.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await countRuns(db, filters));
});

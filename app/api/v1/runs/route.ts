import { endpoint } from '@/lib/server/endpoint';
import { CreateRunBody, RunListQuery } from '@/lib/contract/schemas';
import { listRuns } from '@/lib/db/queries/runs';
import { createRun } from '@/lib/ingest/create-run';
import { created, readJson, searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/runs', async (req) => {
  const query = RunListQuery.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await listRuns(db, query));
});

export const POST = endpoint('POST /api/v1/runs', async (req) => {
  const body = await readJson(req, CreateRunBody);
  const { db } = await getStore();
  const run = await createRun(db, body);
  return created(run, `/api/v1/runs/${run.id}`);
});

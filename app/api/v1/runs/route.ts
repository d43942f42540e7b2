import { listRuns } from '@/lib/db/queries/runs';
import { createRun } from '@/lib/ingest/create-run';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { created } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/runs', async ({ query }) => {
  const { db } = await getStore();
  return Response.json(await listRuns(db, query));
});

export const POST = endpoint('POST /api/v1/runs', async ({ body }) => {
  const { db } = await getStore();
  const run = await createRun(db, body);
  return created(run, routes.api.run(run.id));
});

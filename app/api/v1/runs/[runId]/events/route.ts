import { listEvents } from '@/lib/db/queries/events';
import { appendEvents } from '@/lib/ingest/append-events';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Appends a batch of engine events; all or nothing; under `lease`, only while that runner holds the run. */
export const POST = endpoint('POST /api/v1/runs/{runId}/events', async ({ params, body: { events, lease } }) => {
  const { db } = await getStore();
  return Response.json(await appendEvents(db, params.runId, events, new Date(), lease));
});

/** The run's event log, in order; filter by `type` (comma list) and `node`, page with `cursor`. */
export const GET = endpoint('GET /api/v1/runs/{runId}/events', async ({ params, query }) => {
  const { db } = await getStore();
  return Response.json(await listEvents(db, params.runId, query));
});

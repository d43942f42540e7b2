import { endpoint } from '@/lib/server/endpoint';
import { EventBatchBody, EventQuery, RunParams } from '@/lib/contract/schemas';
import { listEvents } from '@/lib/db/queries/events';
import { appendEvents } from '@/lib/ingest/append-events';
import { readJson, searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

/** Appends a batch of engine events; all or nothing; under `lease`, only while that runner holds the run. */
export const POST = endpoint('POST /api/v1/runs/{runId}/events', async (req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const { events, lease } = await readJson(req, EventBatchBody);
  const { db } = await getStore();
  return Response.json(await appendEvents(db, runId, events, new Date(), lease));
});

/** The run's event log, in order; filter by `type` (comma list) and `node`, page with `cursor`. */
export const GET = endpoint('GET /api/v1/runs/{runId}/events', async (req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const query = EventQuery.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await listEvents(db, runId, query));
});

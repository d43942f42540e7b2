import { EventBatchBody, RunParams } from '@/lib/api/schemas';
import { appendEvents } from '@/lib/ingest/append-events';
import { readJson, withErrors } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

/** Appends a batch of engine events; all or nothing. */
export const POST = withErrors(async (req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const { events } = await readJson(req, EventBatchBody);
  const { db } = await getStore();
  return Response.json(await appendEvents(db, runId, events));
});

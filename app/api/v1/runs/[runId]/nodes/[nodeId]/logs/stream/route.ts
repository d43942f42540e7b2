import { getLogTarget } from '@/lib/db/queries/logs';
import { endpoint } from '@/lib/server/endpoint';
import { lastEventId } from '@/lib/server/http';
import { logTail } from '@/lib/server/log-stream';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Server-sent events of a node attempt's log: resumes after `Last-Event-ID` (or `cursor`), ends when the attempt is over. */
export const GET = endpoint('GET /api/v1/runs/{runId}/nodes/{nodeId}/logs/stream', async ({ params: { runId, nodeId }, query, req }) => {
  const { db } = await getStore();
  const target = await getLogTarget(db, runId, nodeId, query.attempt, { live: true });
  const cursor = lastEventId(req) ?? query.cursor ?? 0;
  return new Response(logTail(db, { runId, nodeId, attempt: target.attempt, cursor }, req.signal), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' },
  });
});

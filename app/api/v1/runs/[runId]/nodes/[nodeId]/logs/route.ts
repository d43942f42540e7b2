import { getLogPage, getLogTarget, logTextStream } from '@/lib/db/queries/logs';
import { prefersPlainText } from '@/lib/domain/accept';
import { env } from '@/lib/env';
import { appendLog } from '@/lib/ingest/logs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';
import { logWriteBudget } from '@/lib/server/write-budget';

export const dynamic = 'force-dynamic';

/** Appends a batch of a node attempt's output; the same seq again is a no-op; under `lease`, only while that runner holds the run. */
export const POST = endpoint(
  'POST /api/v1/runs/{runId}/nodes/{nodeId}/logs',
  async ({ params: { runId, nodeId }, body }) => {
    const { db } = await getStore();
    return Response.json(await appendLog(db, runId, nodeId, body, { limitBytes: env().FLOWDECK_LOG_LIMIT_BYTES }));
  },
  // A flooding step must not starve reads: appends take turns within a share of the store's time (else 503).
  { admit: () => logWriteBudget().enter() },
);

/** A page of the log after `cursor`, or (Accept: text/plain, format=text) the whole attempt streamed as a download. */
export const GET = endpoint('GET /api/v1/runs/{runId}/nodes/{nodeId}/logs', async ({ params: { runId, nodeId }, query, req }) => {
  const { db } = await getStore();
  const asText = query.format === 'text' || (query.format === undefined && prefersPlainText(req.headers.get('accept')));
  if (!asText) return Response.json(await getLogPage(db, runId, nodeId, query));
  const target = await getLogTarget(db, runId, nodeId, query.attempt);
  return new Response(logTextStream(db, target), {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${runId}-${nodeId}-${target.attempt}.log"`,
      'x-content-type-options': 'nosniff',
    },
  });
});

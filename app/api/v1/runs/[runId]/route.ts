import { getRun } from '@/lib/db/queries/runs';
import { conditionalJson } from '@/lib/server/conditional';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Conditional: a poll naming the tag of the body it holds gets 304 while the run has not changed. */
export const GET = endpoint('GET /api/v1/runs/{runId}', async ({ params, req }) => {
  const { db } = await getStore();
  return conditionalJson(req, await getRun(db, params.runId));
});

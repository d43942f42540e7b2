import { listSourceRuns } from '@/lib/ingest/import-runs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** What the store holds of a source, so a restarted connector sends only what changed. */
export const GET = endpoint('GET /api/v1/sources/{source}/runs', async ({ params, query: { cursor, limit } }) => {
  const { db } = await getStore();
  return Response.json(await listSourceRuns(db, params.source, cursor, limit));
});

import { searchLogs } from '@/lib/db/queries/log-search';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Runs whose step logs contain the words (optionally of one workflow, created within a time range), newest first. */
export const GET = endpoint('GET /api/v1/logs/search', async ({ query }) => {
  const { db } = await getStore();
  return Response.json(await searchLogs(db, query));
});

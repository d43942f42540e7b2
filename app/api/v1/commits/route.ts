import { listCommits } from '@/lib/db/queries/commits';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The commit log, newest first: `entity`, `id`, `actor`, `action` filters, `cursor` (seq) paging. */
export const GET = endpoint('GET /api/v1/commits', async ({ query }) => {
  const { db } = await getStore();
  return Response.json(await listCommits(db, query));
});

import { endpoint } from '@/lib/server/endpoint';
import { CommitQuery } from '@/lib/contract/schemas';
import { listCommits } from '@/lib/db/queries/commits';
import { searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The commit log, newest first: `entity`, `id`, `actor`, `action` filters, `cursor` (seq) paging. */
export const GET = endpoint('GET /api/v1/commits', async (req) => {
  const query = CommitQuery.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await listCommits(db, query));
});

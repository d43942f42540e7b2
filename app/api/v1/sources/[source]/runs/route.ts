import { endpoint } from '@/lib/server/endpoint';
import { SourceParams, SourceRunsQuery } from '@/lib/contract/engine-import';
import { listSourceRuns } from '@/lib/ingest/import-runs';
import { searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ source: string }> };

/** What the store holds of a source, so a restarted connector sends only what changed. */
export const GET = endpoint('GET /api/v1/sources/{source}/runs', async (req, ctx: Ctx) => {
  const { source } = SourceParams.parse(await ctx.params);
  const { cursor, limit } = SourceRunsQuery.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await listSourceRuns(db, source, cursor, limit));
});

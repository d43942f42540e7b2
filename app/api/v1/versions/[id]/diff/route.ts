import { endpoint } from '@/lib/server/endpoint';
import { DiffQuery, VersionParams } from '@/lib/contract/schemas';
import { diffVersions } from '@/lib/db/queries/version-diff';
import { searchParams } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** Steps and input schemas compared, and the blast radius of upgrading the older version's active runs. */
export const GET = endpoint('GET /api/v1/versions/{id}/diff', async (req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const { against } = DiffQuery.parse(searchParams(req));
  const { db } = await getStore();
  return Response.json(await diffVersions(db, id, against));
});

import { endpoint } from '@/lib/server/endpoint';
import { ExpectedBody, VersionParams } from '@/lib/contract/schemas';
import { setCurrentVersion } from '@/lib/control/versions';
import { getVersion } from '@/lib/db/queries/versions';
import { expectedVersion, readJson, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** Makes this version the one new runs go to (also how to roll back). */
export const POST = endpoint('POST /api/v1/versions/{id}/set-current', async (req, ctx: Ctx, caller) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = req.headers.get('content-type') ? await readJson(req, ExpectedBody) : {};
  const { db } = await getStore();
  await setCurrentVersion(db, caller.actor, { id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

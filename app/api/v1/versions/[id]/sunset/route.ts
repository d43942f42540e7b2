import { SunsetBody, VersionParams } from '@/lib/api/schemas';
import { sunsetVersion } from '@/lib/control/sunset';
import { getVersion } from '@/lib/db/queries/versions';
import { actorOf, expectedVersion, readJson, withErrors, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** mode safe (409 with the breakdown while runs are active), drain, or force (with a reason). */
export const POST = withErrors(async (req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = await readJson(req, SunsetBody);
  const { db } = await getStore();
  await sunsetVersion(db, actorOf(req), { ...body, id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

import { ExpectedBody, UpdateVersionBody, VersionParams } from '@/lib/api/schemas';
import { deleteVersion, updateVersion } from '@/lib/control/versions';
import { getVersion } from '@/lib/db/queries/versions';
import { actorOf, expectedVersion, readJson, withErrors, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = withErrors(async (_req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const { db } = await getStore();
  return withEtag(await getVersion(db, id));
});

export const PATCH = withErrors(async (req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = await readJson(req, UpdateVersionBody);
  const { db } = await getStore();
  await updateVersion(db, actorOf(req), { ...body, id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

export const DELETE = withErrors(async (req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = req.headers.get('content-type') ? await readJson(req, ExpectedBody) : {};
  const { db } = await getStore();
  await deleteVersion(db, actorOf(req), { id, expectedVersion: expectedVersion(req, body) });
  return new Response(null, { status: 204 });
});

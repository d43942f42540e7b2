import { endpoint } from '@/lib/server/endpoint';
import { ExpectedBody, UpdateVersionBody, VersionParams } from '@/lib/contract/schemas';
import { deleteVersion, updateVersion } from '@/lib/control/versions';
import { getVersion } from '@/lib/db/queries/versions';
import { expectedVersion, readJson, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = endpoint('GET /api/v1/versions/{id}', async (_req, ctx: Ctx) => {
  const { id } = VersionParams.parse(await ctx.params);
  const { db } = await getStore();
  return withEtag(await getVersion(db, id));
});

export const PATCH = endpoint('PATCH /api/v1/versions/{id}', async (req, ctx: Ctx, caller) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = await readJson(req, UpdateVersionBody);
  const { db } = await getStore();
  await updateVersion(db, caller.actor, { ...body, id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

export const DELETE = endpoint('DELETE /api/v1/versions/{id}', async (req, ctx: Ctx, caller) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = req.headers.get('content-type') ? await readJson(req, ExpectedBody) : {};
  const { db } = await getStore();
  await deleteVersion(db, caller.actor, { id, expectedVersion: expectedVersion(req, body) });
  return new Response(null, { status: 204 });
});

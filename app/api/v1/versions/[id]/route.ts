import { deleteVersion, updateVersion } from '@/lib/control/versions';
import { getVersion } from '@/lib/db/queries/versions';
import { endpoint } from '@/lib/server/endpoint';
import { expectedVersion, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/versions/{id}', async ({ params }) => {
  const { db } = await getStore();
  return withEtag(await getVersion(db, params.id));
});

export const PATCH = endpoint('PATCH /api/v1/versions/{id}', async ({ params: { id }, body, req, caller }) => {
  const { db } = await getStore();
  await updateVersion(db, caller.actor, { ...body, id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

export const DELETE = endpoint('DELETE /api/v1/versions/{id}', async ({ params: { id }, body, req, caller }) => {
  const { db } = await getStore();
  await deleteVersion(db, caller.actor, { id, expectedVersion: expectedVersion(req, body) });
  return new Response(null, { status: 204 });
});

import { setCurrentVersion } from '@/lib/control/versions';
import { getVersion } from '@/lib/db/queries/versions';
import { endpoint } from '@/lib/server/endpoint';
import { expectedVersion, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Makes this version the one new runs go to (also how to roll back). */
export const POST = endpoint('POST /api/v1/versions/{id}/set-current', async ({ params: { id }, body, req, caller }) => {
  const { db } = await getStore();
  await setCurrentVersion(db, caller.actor, { id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

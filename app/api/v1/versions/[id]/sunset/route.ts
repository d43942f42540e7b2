import { FORCE_SUNSET_ACCESS } from '@/lib/contract/endpoints';
import { sunsetVersion } from '@/lib/control/sunset';
import { getVersion } from '@/lib/db/queries/versions';
import { requireRole } from '@/lib/server/auth';
import { endpoint } from '@/lib/server/endpoint';
import { expectedVersion, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** mode safe (409 with the breakdown while runs are active), drain, or force (with a reason). */
export const POST = endpoint('POST /api/v1/versions/{id}/sunset', async ({ params: { id }, body, req, caller }) => {
  if (body.mode === 'force') requireRole(caller, FORCE_SUNSET_ACCESS, 'a forced sunset');
  const { db } = await getStore();
  await sunsetVersion(db, caller.actor, { ...body, id, expectedVersion: expectedVersion(req, body) });
  return withEtag(await getVersion(db, id));
});

import { completeAction } from '@/lib/control/engine-actions';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The connector's report on an action it carried out through the engine (one commit). */
export const POST = endpoint('POST /api/v1/sources/{source}/actions/{actionId}/complete', async ({ params, body, caller }) => {
  const { db } = await getStore();
  return Response.json(await completeAction(db, caller.actor, { ...params, ...body }));
});

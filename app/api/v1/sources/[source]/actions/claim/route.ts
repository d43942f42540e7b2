import { claimActions } from '@/lib/control/engine-actions';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Leases open operator actions of the source to the calling connector, oldest first. */
export const POST = endpoint('POST /api/v1/sources/{source}/actions/claim', async ({ params, body: { connectorId, max } }) => {
  const { db } = await getStore();
  return Response.json({ actions: await claimActions(db, params.source, connectorId, max) });
});

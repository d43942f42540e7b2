import { endpoint } from '@/lib/server/endpoint';
import { ActionClaimBody, SourceParams } from '@/lib/contract/engine-import';
import { claimActions } from '@/lib/control/engine-actions';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ source: string }> };

/** Leases open operator actions of the source to the calling connector, oldest first. */
export const POST = endpoint('POST /api/v1/sources/{source}/actions/claim', async (req, ctx: Ctx) => {
  const { source } = SourceParams.parse(await ctx.params);
  const { connectorId, max } = await readJson(req, ActionClaimBody);
  const { db } = await getStore();
  return Response.json({ actions: await claimActions(db, source, connectorId, max) });
});

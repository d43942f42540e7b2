import { endpoint } from '@/lib/server/endpoint';
import { ActionCompleteBody, ActionParams } from '@/lib/contract/engine-import';
import { completeAction } from '@/lib/control/engine-actions';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ source: string; actionId: string }> };

/** The connector's report on an action it carried out through the engine (one commit). */
export const POST = endpoint('POST /api/v1/sources/{source}/actions/{actionId}/complete', async (req, ctx: Ctx, caller) => {
  const { source, actionId } = ActionParams.parse(await ctx.params);
  const body = await readJson(req, ActionCompleteBody);
  const { db } = await getStore();
  return Response.json(await completeAction(db, caller.actor, { source, actionId, ...body }));
});

import { endpoint } from '@/lib/server/endpoint';
import { RunParams } from '@/lib/contract/schemas';
import { getRun } from '@/lib/db/queries/runs';
import { conditionalJson } from '@/lib/server/conditional';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

/** Conditional: a poll naming the tag of the body it holds gets 304 while the run has not changed. */
export const GET = endpoint('GET /api/v1/runs/{runId}', async (req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const { db } = await getStore();
  return conditionalJson(req, await getRun(db, runId));
});

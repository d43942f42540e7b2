import { ExpectedBody, RunParams } from '@/lib/api/schemas';
import { cancelRun } from '@/lib/control/runs';
import { toRunDto } from '@/lib/db/queries/dto';
import { actorOf, expectedVersion, readJson, withErrors, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

export const POST = withErrors(async (req, ctx: Ctx) => {
  const { runId } = RunParams.parse(await ctx.params);
  const body = req.headers.get('content-type') ? await readJson(req, ExpectedBody) : {};
  const { db } = await getStore();
  const { result } = await cancelRun(db, actorOf(req), { runId, expectedVersion: expectedVersion(req, body), reason: body.reason });
  return withEtag(toRunDto(result));
});

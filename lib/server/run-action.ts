import { ExpectedBody, RunParams } from '@/lib/contract/schemas';
import type { EndpointKey } from '@/lib/contract/endpoints';
import type { Db } from '@/lib/db/client';
import type { RunRow } from '@/lib/db/schema';
import { toRunDto } from '@/lib/db/queries/dto';
import type { RunActionInput } from '@/lib/control/runs';
import { endpoint } from './endpoint';
import { expectedVersion, readJson, withEtag } from './http';
import { getStore } from './store';

type Action = (db: Db, actor: string, input: RunActionInput) => Promise<{ result: RunRow }>;
type Ctx = { params: Promise<{ runId: string }> };

/** The POST handler of an operator action on one run (cancel, pause, resume): expected version, reason, commit. */
export function runActionHandler(key: EndpointKey, action: Action) {
  return endpoint(key, async (req, ctx: Ctx, caller) => {
    const { runId } = RunParams.parse(await ctx.params);
    const body = req.headers.get('content-type') ? await readJson(req, ExpectedBody) : {};
    const { db } = await getStore();
    const { result } = await action(db, caller.actor, { runId, expectedVersion: expectedVersion(req, body), reason: body.reason });
    return withEtag(toRunDto(result));
  });
}

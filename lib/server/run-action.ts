import type { RunActionInput } from '@/lib/control/runs';
import type { Db } from '@/lib/db/client';
import { toRunDto } from '@/lib/db/queries/dto';
import type { RunRow } from '@/lib/db/schema';
import { endpoint } from './endpoint';
import { expectedVersion, withEtag } from './http';
import { getStore } from './store';

type Action = (db: Db, actor: string, input: RunActionInput) => Promise<{ result: RunRow }>;
type RunActionKey = 'POST /api/v1/runs/{runId}/cancel' | 'POST /api/v1/runs/{runId}/pause' | 'POST /api/v1/runs/{runId}/resume';

/** The POST handler of an operator action on one run (cancel, pause, resume): expected version, reason, commit. */
export function runActionHandler(key: RunActionKey, action: Action) {
  return endpoint(key, async ({ params, body, req, caller }) => {
    const { db } = await getStore();
    const { result } = await action(db, caller.actor, { runId: params.runId, expectedVersion: expectedVersion(req, body), reason: body.reason });
    return withEtag(toRunDto(result));
  });
}

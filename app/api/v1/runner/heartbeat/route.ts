import type { HeartbeatResponse } from '@/lib/contract/runner';
import { heartbeat } from '@/lib/ingest/runner-leases';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Extends the runner's leases; every state but `ok` tells it to stop that run (contract: lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/runner/heartbeat', async ({ body }) => {
  const { db } = await getStore();
  const response: HeartbeatResponse = { runs: await heartbeat(db, body) };
  return Response.json(response);
});

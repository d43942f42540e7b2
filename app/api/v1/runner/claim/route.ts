import type { ClaimResponse } from '@/lib/contract/runner';
import { claimRuns } from '@/lib/ingest/runner-leases';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Leases up to `capacity` claimable runs to the runner, oldest first (contract: lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/runner/claim', async ({ body }) => {
  const { db } = await getStore();
  const response: ClaimResponse = { runs: await claimRuns(db, body) };
  return Response.json(response);
});

import type { ReleaseResponse } from '@/lib/contract/runner';
import { releaseRuns } from '@/lib/ingest/runner-leases';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Frees the leases the runner owns among `runIds` (contract: lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/runner/release', async ({ body }) => {
  const { db } = await getStore();
  const response: ReleaseResponse = { released: await releaseRuns(db, body) };
  return Response.json(response);
});

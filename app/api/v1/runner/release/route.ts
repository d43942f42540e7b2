import { endpoint } from '@/lib/server/endpoint';
import type { ReleaseResponse } from '@/lib/contract/runner';
import { RunnerReleaseBody } from '@/lib/contract/schemas';
import { releaseRuns } from '@/lib/ingest/runner-leases';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Frees the leases the runner owns among `runIds` (contract: lib/contract/runner.ts). */
export const POST = endpoint('POST /api/v1/runner/release', async (req) => {
  const body = await readJson(req, RunnerReleaseBody);
  const { db } = await getStore();
  const response: ReleaseResponse = { released: await releaseRuns(db, body) };
  return Response.json(response);
});

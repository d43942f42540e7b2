import { importBatch } from '@/lib/ingest/import-runs';
import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** A connector's batch of deployments and runs (contract: lib/contract/engine-import.ts). */
export const POST = endpoint('POST /api/v1/sources/{source}/import', async ({ params, body, caller }) => {
  const { db } = await getStore();
  return Response.json(await importBatch(db, caller.actor, params.source, body));
});

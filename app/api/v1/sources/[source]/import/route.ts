import { endpoint } from '@/lib/server/endpoint';
import { ImportBody, SourceParams } from '@/lib/contract/engine-import';
import { IMPORT_BODY_LIMIT } from '@/lib/contract/limits';
import { importBatch } from '@/lib/ingest/import-runs';
import { readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ source: string }> };

/** A connector's batch of deployments and runs (contract: lib/contract/engine-import.ts). */
export const POST = endpoint('POST /api/v1/sources/{source}/import', async (req, ctx: Ctx, caller) => {
  const { source } = SourceParams.parse(await ctx.params);
  const body = await readJson(req, ImportBody, IMPORT_BODY_LIMIT);
  const { db } = await getStore();
  return Response.json(await importBatch(db, caller.actor, source, body));
});

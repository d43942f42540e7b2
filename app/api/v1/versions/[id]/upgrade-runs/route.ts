import { endpoint } from '@/lib/server/endpoint';
import { BulkUpgradeBody, VersionParams } from '@/lib/contract/schemas';
import { startBulkUpgrade } from '@/lib/control/bulk-upgrade';
import { getJob } from '@/lib/db/queries/jobs';
import { readJson } from '@/lib/server/http';
import { kickJobs } from '@/lib/server/job-worker';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

/** Dry run: compatible/incompatible counts with reasons. Otherwise 202 with a persisted job. */
export const POST = endpoint('POST /api/v1/versions/{id}/upgrade-runs', async (req, ctx: Ctx, caller) => {
  const { id } = VersionParams.parse(await ctx.params);
  const body = await readJson(req, BulkUpgradeBody);
  const { db } = await getStore();
  const result = await startBulkUpgrade(db, caller.actor, { ...body, versionId: id });
  if ('dryRun' in result) return Response.json(result);
  kickJobs();
  return Response.json(await getJob(db, result.id), { status: 202, headers: { Location: `/api/v1/jobs/${result.id}` } });
});

import { startBulkUpgrade } from '@/lib/control/bulk-upgrade';
import { getJob } from '@/lib/db/queries/jobs';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { kickJobs } from '@/lib/server/job-worker';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Dry run: compatible/incompatible counts with reasons. Otherwise 202 with a persisted job. */
export const POST = endpoint('POST /api/v1/versions/{id}/upgrade-runs', async ({ params, body, caller }) => {
  const { db } = await getStore();
  const result = await startBulkUpgrade(db, caller.actor, { ...body, versionId: params.id });
  if ('dryRun' in result) return Response.json(result);
  kickJobs();
  return Response.json(await getJob(db, result.id), { status: 202, headers: { Location: routes.api.job(result.id) } });
});

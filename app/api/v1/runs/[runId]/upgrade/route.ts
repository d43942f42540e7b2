import { endpoint } from '@/lib/server/endpoint';
import { RunParams, UpgradeBody } from '@/lib/contract/schemas';
import { upgradeRun } from '@/lib/control/upgrade';
import { toRunDto } from '@/lib/db/queries/dto';
import { expectedVersion, readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ runId: string }> };

/** Dry run: the compatibility report, nothing changed. Otherwise the upgrade; incompatible is a 409 with the report. */
export const POST = endpoint('POST /api/v1/runs/{runId}/upgrade', async (req, ctx: Ctx, caller) => {
  const { runId } = RunParams.parse(await ctx.params);
  const body = await readJson(req, UpgradeBody);
  const { db } = await getStore();
  const expected = body.dryRun ? undefined : expectedVersion(req, body);
  const out = await upgradeRun(db, caller.actor, { ...body, runId, expectedVersion: expected });
  const payload = { dryRun: body.dryRun, report: out.report, run: toRunDto(out.run), newRun: out.newRun ? toRunDto(out.newRun) : null };
  return Response.json(payload, { status: body.dryRun ? 200 : out.newRun ? 201 : 202, headers: out.newRun ? { Location: `/api/v1/runs/${out.newRun.id}` } : {} });
});

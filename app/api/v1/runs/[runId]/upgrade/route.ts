import { upgradeRun } from '@/lib/control/upgrade';
import { toRunDto } from '@/lib/db/queries/dto';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { expectedVersion } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Dry run: the compatibility report, nothing changed. Otherwise the upgrade; incompatible is a 409 with the report. */
export const POST = endpoint('POST /api/v1/runs/{runId}/upgrade', async ({ params, body, req, caller }) => {
  const { db } = await getStore();
  const expected = body.dryRun ? undefined : expectedVersion(req, body);
  const out = await upgradeRun(db, caller.actor, { ...body, runId: params.runId, expectedVersion: expected });
  const payload = { dryRun: body.dryRun, report: out.report, run: toRunDto(out.run), newRun: out.newRun ? toRunDto(out.newRun) : null };
  const headers: HeadersInit = out.newRun ? { Location: routes.api.run(out.newRun.id) } : {};
  return Response.json(payload, { status: body.dryRun ? 200 : out.newRun ? 201 : 202, headers });
});

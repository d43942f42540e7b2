import { endpoint } from '@/lib/server/endpoint';
import { DigestParams } from '@/lib/contract/schemas';
import { getArtifactUsage } from '@/lib/db/queries/artifacts';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ digest: string }> };

/** Which nodes of which runs produced and consumed a manifest or blob digest, newest first. */
export const GET = endpoint('GET /api/v1/artifacts/{digest}/usage', async (_req, ctx: Ctx) => {
  const { digest } = DigestParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getArtifactUsage(db, digest));
});

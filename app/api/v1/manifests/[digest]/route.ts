import { endpoint } from '@/lib/server/endpoint';
import { DigestParams, ManifestBody } from '@/lib/contract/schemas';
import { getManifest, putManifest } from '@/lib/ingest/artifacts';
import { created, readJson } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ digest: string }> };

/** A JSON list of {path, digest, size}; stored under the digest of its RFC 8785 canonical form. */
export const PUT = endpoint('PUT /api/v1/manifests/{digest}', async (req, ctx: Ctx) => {
  const { digest } = DigestParams.parse(await ctx.params);
  const entries = await readJson(req, ManifestBody);
  const { db } = await getStore();
  const result = await putManifest(db, digest, entries);
  return result.created ? created(result, `/api/v1/manifests/${digest}`) : Response.json(result);
});

export const GET = endpoint('GET /api/v1/manifests/{digest}', async (_req, ctx: Ctx) => {
  const { digest } = DigestParams.parse(await ctx.params);
  const { db } = await getStore();
  return Response.json(await getManifest(db, digest));
});

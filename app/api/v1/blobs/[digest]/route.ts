import { endpoint } from '@/lib/server/endpoint';
import { DigestParams } from '@/lib/contract/schemas';
import { getBlob, putBlob } from '@/lib/ingest/artifacts';
import { BLOB_LIMIT, created, readBytes } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ digest: string }> };

/** Raw bytes; the server checks they hash to the digest. Idempotent. */
export const PUT = endpoint('PUT /api/v1/blobs/{digest}', async (req, ctx: Ctx) => {
  const { digest } = DigestParams.parse(await ctx.params);
  const { db, blobs } = await getStore();
  const result = await putBlob(db, blobs, digest, await readBytes(req, BLOB_LIMIT));
  return result.created ? created(result, `/api/v1/blobs/${digest}`) : Response.json(result);
});

export const GET = endpoint('GET /api/v1/blobs/{digest}', async (_req, ctx: Ctx) => {
  const { digest } = DigestParams.parse(await ctx.params);
  const { db, blobs } = await getStore();
  const bytes = await getBlob(db, blobs, digest);
  return new Response(bytes as BodyInit, {
    headers: { 'content-type': 'application/octet-stream', etag: `"${digest}"`, 'cache-control': 'public, max-age=31536000, immutable' },
  });
});

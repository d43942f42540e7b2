import { getBlob, putBlob } from '@/lib/ingest/artifacts';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { created } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** Raw bytes; the server checks they hash to the digest. Idempotent. */
export const PUT = endpoint('PUT /api/v1/blobs/{digest}', async ({ params: { digest }, body }) => {
  const { db, blobs } = await getStore();
  const result = await putBlob(db, blobs, digest, body);
  return result.created ? created(result, routes.api.blob(digest)) : Response.json(result);
});

export const GET = endpoint('GET /api/v1/blobs/{digest}', async ({ params: { digest } }) => {
  const { blobs } = await getStore();
  const bytes = await getBlob(blobs, digest);
  return new Response(bytes as BodyInit, {
    headers: { 'content-type': 'application/octet-stream', etag: `"${digest}"`, 'cache-control': 'public, max-age=31536000, immutable' },
  });
});

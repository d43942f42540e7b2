import { getManifest, putManifest } from '@/lib/ingest/artifacts';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { created } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** A JSON list of {path, digest, size}; stored under the digest of its RFC 8785 canonical form. */
export const PUT = endpoint('PUT /api/v1/manifests/{digest}', async ({ params: { digest }, body }) => {
  const { db } = await getStore();
  const result = await putManifest(db, digest, body);
  return result.created ? created(result, routes.api.manifest(digest)) : Response.json(result);
});

export const GET = endpoint('GET /api/v1/manifests/{digest}', async ({ params }) => {
  const { db } = await getStore();
  return Response.json(await getManifest(db, params.digest));
});

import { buildOpenApiDocument } from '@/lib/api/openapi';
import { endpoint } from '@/lib/server/endpoint';

export const dynamic = 'force-dynamic';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** This API as an OpenAPI 3.1 document, generated from the endpoint table. */
export const GET = endpoint('GET /api/v1/openapi.json', async () => {
  document ??= buildOpenApiDocument();
  return Response.json(document, { headers: { 'cache-control': 'no-cache' } });
});

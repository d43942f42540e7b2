import { endpoint } from '@/lib/server/endpoint';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/health', async () => {
  const store = await getStore();
  return Response.json({ ok: true, engine: store.engine, schemaVersion: store.schemaVersion });
});

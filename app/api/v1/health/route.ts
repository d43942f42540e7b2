import { getStore } from '@/lib/server/store';
import { withErrors } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => {
  const store = await getStore();
  return Response.json({ ok: true, engine: store.engine, schemaVersion: store.schemaVersion });
});

import { createVersion } from '@/lib/control/versions';
import { getVersion, listVersions } from '@/lib/db/queries/versions';
import { routes } from '@/lib/routes';
import { endpoint } from '@/lib/server/endpoint';
import { withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

export const GET = endpoint('GET /api/v1/versions', async () => {
  const { db } = await getStore();
  return Response.json({ items: await listVersions(db) });
});

/** Registers a version from its manifest (validated; digest and step signatures computed). */
export const POST = endpoint('POST /api/v1/versions', async ({ body, caller }) => {
  const { db } = await getStore();
  const { result } = await createVersion(db, caller.actor, body);
  const version = await getVersion(db, result.id);
  return withEtag(version, { status: 201, headers: { Location: routes.api.version(version.id) } });
});

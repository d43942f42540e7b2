import { getCurrentVersion } from '@/lib/db/queries/versions';
import { endpoint } from '@/lib/server/endpoint';
import { withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The version new runs go to. */
export const GET = endpoint('GET /api/v1/versions/current', async () => {
  const { db } = await getStore();
  return withEtag(await getCurrentVersion(db));
});

import { getCurrentVersion } from '@/lib/db/queries/versions';
import { withErrors, withEtag } from '@/lib/server/http';
import { getStore } from '@/lib/server/store';

export const dynamic = 'force-dynamic';

/** The version new runs go to. */
export const GET = withErrors(async () => {
  const { db } = await getStore();
  return withEtag(await getCurrentVersion(db));
});

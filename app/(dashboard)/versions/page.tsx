import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageHeader } from '@/components/shell/page-header';
import { VersionsView } from '@/components/versions/versions-view';
import { ALL_VERSIONS, type VersionListData } from '@/lib/api/hooks/use-versions';
import { versionKeys } from '@/lib/api/query-keys';
import { listVersions } from '@/lib/db/queries/versions';
import { routes } from '@/lib/routes';
import { requirePageCaller } from '@/lib/server/page-guard';
import { getStore } from '@/lib/server/store';

export const metadata: Metadata = { title: 'Versions' };

/** The version registry: rendered on the server, then kept fresh by the client. */
export default async function VersionsPage() {
  await connection();
  await requirePageCaller(routes.versions());
  const { db } = await getStore();
  const items = await listVersions(db);

  const qc = new QueryClient();
  qc.setQueryData<VersionListData>(versionKeys.list(ALL_VERSIONS), { items });

  return (
    <>
      <PageHeader
        title="Versions"
        description="Every deployed version of the workflow code, the runs that still depend on it, and the safe way to retire it."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <VersionsView />
      </HydrationBoundary>
    </>
  );
}

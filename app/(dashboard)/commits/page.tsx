import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CommitsView } from '@/components/commits/commits-view';
import { PageHeader } from '@/components/shell/page-header';
import type { CommitListData } from '@/lib/api/hooks/use-commits';
import { commitKeys } from '@/lib/api/query-keys';
import { COMMIT_PAGE_SIZE, parseCommitFilters } from '@/lib/contract/schemas';
import { listCommits } from '@/lib/db/queries/commits';
import { routes } from '@/lib/routes';
import { pagePath, requirePageCaller } from '@/lib/server/page-guard';
import { getStore } from '@/lib/server/store';

export const metadata: Metadata = { title: 'Commits' };

interface CommitsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The audit log: the first page under the URL's filters renders on the server; more load on demand. */
export default async function CommitsPage({ searchParams }: CommitsPageProps) {
  await connection();
  await requirePageCaller(pagePath(routes.commits(), await searchParams));
  const filters = parseCommitFilters(await searchParams);
  const { db } = await getStore();
  const page = await listCommits(db, { ...filters, limit: COMMIT_PAGE_SIZE });

  const qc = new QueryClient();
  qc.setQueryData<CommitListData>(commitKeys.list({ ...filters, pageSize: COMMIT_PAGE_SIZE }), { pages: [page], pageParams: [null] });

  return (
    <>
      <PageHeader
        title="Commits"
        description="Every change made through Flowdeck, in one linear chain: who did what, why, and the before and after of each entity."
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <CommitsView filters={filters} />
      </HydrationBoundary>
    </>
  );
}

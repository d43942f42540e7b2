import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { CommitView } from '@/components/commits/commit-view';
import { commitKeys } from '@/lib/api/query-keys';
import { CommitParams } from '@/lib/contract/schemas';
import { getCommit } from '@/lib/db/queries/commits';
import { commitActionLabel } from '@/lib/domain/commit-format';
import { routes } from '@/lib/routes';
import { pageLoader } from '@/lib/server/page-loader';

interface CommitPageProps {
  params: Promise<{ id: string }>;
}

/** The commit, or the not-found page for a malformed or unknown id. */
const loadCommit = pageLoader({
  params: CommitParams,
  path: ({ id }) => routes.commit(id),
  load: (db, { id }) => getCommit(db, id),
});

export async function generateMetadata({ params }: CommitPageProps): Promise<Metadata> {
  const commit = await loadCommit(params);
  return { title: `#${commit.seq} ${commitActionLabel(commit.action)} · Commits` };
}

/** One commit with the before and after of each change. Commits never change: no polling. */
export default async function CommitPage({ params }: CommitPageProps) {
  const commit = await loadCommit(params);
  const qc = new QueryClient();
  qc.setQueryData(commitKeys.detail(commit.id), commit);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <CommitView commitId={commit.id} />
    </HydrationBoundary>
  );
}

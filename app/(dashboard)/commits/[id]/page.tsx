import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { CommitView } from '@/components/commits/commit-view';
import { commitKeys } from '@/lib/api/query-keys';
import { CommitParams } from '@/lib/contract/schemas';
import { getCommit } from '@/lib/db/queries/commits';
import { commitActionLabel } from '@/lib/domain/commit-format';
import { AppError } from '@/lib/errors';
import { requirePageCaller } from '@/lib/server/page-guard';
import { routes } from '@/lib/routes';
import { getStore } from '@/lib/server/store';

interface CommitPageProps {
  params: Promise<{ id: string }>;
}

/** The commit, or the not-found page for a malformed or unknown id. Cached per request (metadata + page). */
const loadCommit = cache(async (raw: { id: string }) => {
  await connection();
  await requirePageCaller(routes.commit(raw.id));
  const parsed = CommitParams.safeParse(raw);
  if (!parsed.success) notFound();
  const { db } = await getStore();
  try {
    return await getCommit(db, parsed.data.id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: CommitPageProps): Promise<Metadata> {
  const commit = await loadCommit(await params);
  return { title: `#${commit.seq} ${commitActionLabel(commit.action)} · Commits` };
}

/** One commit with the before and after of each change. Commits never change: no polling. */
export default async function CommitPage({ params }: CommitPageProps) {
  const commit = await loadCommit(await params);
  const qc = new QueryClient();
  qc.setQueryData(commitKeys.detail(commit.id), commit);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <CommitView commitId={commit.id} />
    </HydrationBoundary>
  );
}

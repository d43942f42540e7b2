import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { RunView } from '@/components/run-detail/run-view';
import { runKeys } from '@/lib/api/query-keys';
import { RunParams } from '@/lib/contract/schemas';
import { getRun } from '@/lib/db/queries/runs';
import { AppError } from '@/lib/errors';
import { requirePageCaller } from '@/lib/server/page-guard';
import { routes } from '@/lib/routes';
import { entityTag } from '@/lib/server/conditional';
import { layoutOfRun } from '@/lib/server/run-layout';
import { getStore } from '@/lib/server/store';

interface RunPageProps {
  params: Promise<{ runId: string }>;
}

/** The run, or the not-found page for a malformed or unknown id. Cached per request (metadata + page). */
const loadRun = cache(async (raw: { runId: string }) => {
  await requirePageCaller(routes.run(raw.runId));
  const parsed = RunParams.safeParse(raw);
  if (!parsed.success) notFound();
  const { db } = await getStore();
  try {
    return await getRun(db, parsed.data.runId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: RunPageProps): Promise<Metadata> {
  const run = await loadRun(await params);
  return { title: `${run.workflow} · ${run.id}` };
}

export default async function RunPage({ params }: RunPageProps) {
  const run = await loadRun(await params);
  const queryClient = new QueryClient();
  queryClient.setQueryData(runKeys.detail(run.id), run);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RunView runId={run.id} etag={entityTag(JSON.stringify(run))} layout={await layoutOfRun(run)} />
    </HydrationBoundary>
  );
}

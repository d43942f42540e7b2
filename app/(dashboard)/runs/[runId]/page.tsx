import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { RunView } from '@/components/run-detail/run-view';
import { runKeys } from '@/lib/api/query-keys';
import { RunParams } from '@/lib/contract/schemas';
import { getRun } from '@/lib/db/queries/runs';
import { routes } from '@/lib/routes';
import { entityTag } from '@/lib/server/conditional';
import { pageLoader } from '@/lib/server/page-loader';
import { layoutOfRun } from '@/lib/server/run-layout';

interface RunPageProps {
  params: Promise<{ runId: string }>;
}

/** The run, or the not-found page for a malformed or unknown id. */
const loadRun = pageLoader({
  params: RunParams,
  path: ({ runId }) => routes.run(runId),
  load: (db, { runId }) => getRun(db, runId),
});

export async function generateMetadata({ params }: RunPageProps): Promise<Metadata> {
  const run = await loadRun(params);
  return { title: `${run.workflow} · ${run.id}` };
}

export default async function RunPage({ params }: RunPageProps) {
  const run = await loadRun(params);
  const queryClient = new QueryClient();
  queryClient.setQueryData(runKeys.detail(run.id), run);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RunView runId={run.id} etag={entityTag(JSON.stringify(run))} layout={await layoutOfRun(run)} />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { RunView } from '@/components/run-detail/run-view';
import { runKeys } from '@/lib/api/query-keys';
import { RunParams, RunViewSearch } from '@/lib/contract/schemas';
import { getRun } from '@/lib/db/queries/runs';
import { routes } from '@/lib/routes';
import { entityTag } from '@/lib/server/conditional';
import { pageLoader } from '@/lib/server/page-loader';
import { layoutOfRun } from '@/lib/server/run-layout';
import { seedRunLogHead } from '@/lib/server/run-log-seed';
import { getStore } from '@/lib/server/store';

interface RunPageProps {
  params: Promise<{ runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
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

export default async function RunPage({ params, searchParams }: RunPageProps) {
  const run = await loadRun(params);
  const queryClient = new QueryClient();
  queryClient.setQueryData(runKeys.detail(run.id), run);
  // Opened on the Logs tab: the log's first lines come with the page.
  await seedRunLogHead(queryClient, (await getStore()).db, run, RunViewSearch.parse(await searchParams));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RunView runId={run.id} etag={entityTag(JSON.stringify(run))} layout={await layoutOfRun(run)} />
    </HydrationBoundary>
  );
}

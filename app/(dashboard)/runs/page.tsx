import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { RunsView } from '@/components/runs/runs-view';
import type { RunListData } from '@/lib/api/hooks/use-runs';
import { runKeys } from '@/lib/api/query-keys';
import { parseRunFilters } from '@/lib/contract/schemas';
import { listRunFacets } from '@/lib/db/queries/run-facets';
import { countRuns, listRuns } from '@/lib/db/queries/runs';
import { countFilters, RUN_PAGE_SIZE } from '@/lib/domain/run-list-filters';
import { routes } from '@/lib/routes';
import { pagePath, requirePageCaller } from '@/lib/server/page-guard';
import { getStore } from '@/lib/server/store';

export const metadata: Metadata = { title: 'Runs' };

interface RunsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The run index: the first page, counts and filter choices render on the server, then stay live. */
export default async function RunsPage({ searchParams }: RunsPageProps) {
  await connection();
  await requirePageCaller(pagePath(routes.runs(), await searchParams));
  const filters = parseRunFilters(await searchParams);
  const { db } = await getStore();
  const [page, counts, facets] = await Promise.all([listRuns(db, { ...filters, limit: RUN_PAGE_SIZE }), countRuns(db, filters), listRunFacets(db)]);

  const qc = new QueryClient();
  qc.setQueryData<RunListData>(runKeys.list(filters), { pages: [page], pageParams: [null] });
  qc.setQueryData(runKeys.count(countFilters(filters)), counts);
  qc.setQueryData(runKeys.facets(), facets);

  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RunsView filters={filters} serverNow={Date.now()} serverTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />
    </HydrationBoundary>
  );
}

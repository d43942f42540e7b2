import type { Metadata } from 'next';
import { connection } from 'next/server';
import { z } from 'zod';
import { LogSearchView } from '@/components/logs/log-search-view';
import { PageHeader } from '@/components/shell/page-header';
import { AppLink } from '@/components/ui/app-link';
import { LogSearchQuery } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';
import { pagePath, requirePageCaller } from '@/lib/server/page-guard';

export const metadata: Metadata = { title: 'Search logs' };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** The search in the URL, leniently: a bad field is left out rather than refused. */
const PageQuery = z.object({
  q: z.preprocess(first, z.string().max(200)).catch('').default(''),
  workflow: z.preprocess(first, LogSearchQuery.shape.workflow).catch(undefined),
  from: z.preprocess(first, LogSearchQuery.shape.from).catch(undefined),
  to: z.preprocess(first, LogSearchQuery.shape.to).catch(undefined),
});

interface LogSearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Find runs by the text of their step logs; the search runs in the browser against GET /api/v1/logs/search. */
export default async function LogSearchPage({ searchParams }: LogSearchPageProps) {
  await connection();
  const params = await searchParams;
  await requirePageCaller(pagePath(routes.logSearch(), params));
  const filters = PageQuery.parse(params);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <AppLink href={routes.runs()} className="hover:text-foreground">
          Runs
        </AppLink>
      </nav>
      <PageHeader
        title="Search logs"
        description="Find runs whose step logs contain some words, within a workflow and a time range. Each result opens the run's log at the first matching line."
      />
      <LogSearchView filters={filters} serverNow={Date.now()} serverTimeZone={Intl.DateTimeFormat().resolvedOptions().timeZone} />
    </>
  );
}

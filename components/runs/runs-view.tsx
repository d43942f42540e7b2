'use client';

import { FileSearch } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { AppLink } from '@/components/ui/app-link';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useRunCounts } from '@/lib/api/hooks/use-run-counts';
import { useRunListFacets } from '@/lib/api/hooks/use-run-list-facets';
import { useRuns } from '@/lib/api/hooks/use-runs';
import type { RunFilters } from '@/lib/contract/schemas';
import { hasActiveFilters, togglePhase, withFilters } from '@/lib/domain/run-list-filters';
import { moveHighlight } from '@/lib/domain/run-list-live';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { RunClockProvider } from './run-clock';
import { RunFiltersBar } from './run-filters-bar';
import { RunListFreshness } from './run-list-freshness';
import { RunPhaseChips } from './run-phase-chips';
import { RunSearchBox } from './run-search-box';
import { RunsFooter } from './runs-footer';
import { RunsEmpty, RunsQueryError, RunsTableSkeleton } from './runs-states';
import { RunsTable } from './runs-table';
import { useRunListFilters } from './use-run-list-filters';
import { useRunListKeyboard } from './use-run-list-keyboard';

export interface RunsViewProps {
  /** The filters of the URL, parsed by the server page (zod `RunFilters`, canonical form). */
  filters: RunFilters;
  /** When and in which time zone the server rendered (the first client render matches it). */
  serverNow: number;
  serverTimeZone: string;
}

/** The run index: filters from the URL, counts by phase, the live table and its pages. */
export function RunsView({ filters, serverNow, serverTimeZone }: RunsViewProps) {
  const router = useRouter();
  const { shown, setFilters, isPending: navigating } = useRunListFilters(filters);
  const runs = useRuns(filters);
  const counts = useRunCounts(filters, runs.isLive);
  const facets = useRunListFacets();
  const hydrated = useHydrated();
  const items = runs.items;

  // The highlight belongs to one filter set; another list starts without one.
  const filterKey = JSON.stringify(filters);
  const [highlight, setHighlight] = useState<{ key: string; id: string } | null>(null);
  const highlightedId = highlight?.key === filterKey ? highlight.id : null;
  const onHighlight = useCallback((id: string) => setHighlight({ key: filterKey, id }), [filterKey]);
  const searchRef = useRef<HTMLInputElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = runs;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  useRunListKeyboard({
    onMove: (delta) => {
      if (!items?.length) return;
      const next = moveHighlight(
        items.findIndex((r) => r.id === highlightedId),
        delta,
        items.length,
      );
      const run = items[next];
      if (run) onHighlight(run.id);
      if (next >= items.length - 5 && hasNextPage && !isFetchingNextPage) loadMore();
    },
    onOpen: () => {
      if (!highlightedId) return false;
      router.push(routes.run(highlightedId));
      return true;
    },
    onSearch: () => searchRef.current?.focus(),
  });

  const total = counts.data ? (filters.phase ? filters.phase.reduce((sum, p) => sum + (counts.data?.byPhase[p] ?? 0), 0) : counts.data.total) : undefined;
  const clear = () => setFilters({});

  return (
    <RunClockProvider serverNow={serverNow} serverTimeZone={serverTimeZone} fast={runs.isLive}>
      <PageHeader
        title="Runs"
        description="Every workflow run: what is running, what is waiting, and what happened."
        actions={
          <>
            <RunSearchBox ref={searchRef} value={shown.q ?? ''} onSearch={(q) => setFilters(withFilters(shown, { q }), 'replace')} />
            <AppLink
              href={routes.logSearch({ workflow: shown.workflow, from: shown.from, to: shown.to })}
              data-testid="search-logs-link"
              title="Find runs whose step logs contain some words"
              className={buttonVariants({ variant: 'outline', size: 'md' })}
            >
              <FileSearch aria-hidden className="size-4" />
              Logs contain…
            </AppLink>
          </>
        }
        className="mb-6"
      />
      <div className="space-y-3" data-testid="runs-view" data-hydrated={hydrated || undefined}>
        <RunFiltersBar filters={shown} onChange={setFilters} facets={facets.data} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <RunPhaseChips
            selected={shown.phase}
            counts={counts.data}
            onToggle={(p) => setFilters(togglePhase(shown, p))}
            onAll={() => setFilters(withFilters(shown, { phase: undefined }))}
          />
          <RunListFreshness
            live={runs.isLive}
            updatedAt={runs.updatedAt}
            busy={navigating || (runs.isRefreshing && !runs.isLive)}
            onRefresh={() => void runs.refresh()}
          />
        </div>
        {runs.error && items && <RunsQueryError error={runs.error} hasData onRetry={() => void runs.refresh()} />}
        <Card className="relative overflow-clip" aria-busy={navigating || runs.isPending}>
          {navigating && <div aria-hidden className="absolute inset-x-0 top-0 z-10 h-0.5 animate-pulse bg-primary" />}
          <div className={cn('transition-opacity', navigating && 'opacity-60')}>
            {items === undefined ? (
              runs.error ? (
                <RunsQueryError error={runs.error} hasData={false} onRetry={() => void runs.refresh()} />
              ) : (
                <RunsTableSkeleton />
              )
            ) : items.length === 0 ? (
              <RunsEmpty filtered={hasActiveFilters(filters)} onClear={clear} />
            ) : (
              <>
                <RunsTable
                  items={items}
                  highlightedId={highlightedId}
                  onHighlight={onHighlight}
                  hasNextPage={hasNextPage}
                  isFetchingNextPage={isFetchingNextPage}
                  onLoadMore={loadMore}
                />
                <RunsFooter loaded={items.length} total={total} hasNextPage={hasNextPage} isFetchingNextPage={isFetchingNextPage} onLoadMore={loadMore} />
              </>
            )}
          </div>
        </Card>
      </div>
    </RunClockProvider>
  );
}

'use client';

import { FileSearch, Search, SearchX } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FacetSelect } from '@/components/runs/facet-select';
import { RunClockProvider } from '@/components/runs/run-clock';
import { TimeRangeFilter } from '@/components/runs/time-range-filter';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { type LogSearchFilters, MIN_LOG_SEARCH_CHARS, useLogSearch } from '@/lib/api/hooks/use-log-search';
import { useRunListFacets } from '@/lib/api/hooks/use-run-list-facets';
import { routes } from '@/lib/routes';
import { LogSearchResults } from './log-search-results';
import { errorMessage } from './log-states';

export interface LogSearchViewProps {
  filters: LogSearchFilters;
  serverNow: number;
  serverTimeZone: string;
}

/** "Find runs whose logs contain …": words, a workflow and a time range in the URL; results link to the matching line. */
export function LogSearchView({ filters, serverNow, serverTimeZone }: LogSearchViewProps) {
  const router = useRouter();
  const [text, setText] = useState(filters.q);
  const search = useLogSearch(filters);
  const facets = useRunListFacets();
  const go = (next: Partial<LogSearchFilters>) => router.replace(routes.logSearch({ ...filters, ...next }), { scroll: false });
  const active = filters.q.trim().length >= MIN_LOG_SEARCH_CHARS;

  return (
    <RunClockProvider serverNow={serverNow} serverTimeZone={serverTimeZone} fast={false}>
      <form
        role="search"
        aria-label="Search step logs"
        className="mb-4 flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() });
        }}
      >
        <label className="relative min-w-64 flex-1">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Words the log contains, e.g. readiness probe"
            aria-label="Logs contain"
            minLength={MIN_LOG_SEARCH_CHARS}
            maxLength={200}
            className="h-8 w-full rounded-md border border-input bg-background pr-3 pl-8 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
          />
        </label>
        <FacetSelect
          label="Workflow"
          allLabel="Any workflow"
          className="w-44"
          value={filters.workflow}
          options={(facets.data?.workflows ?? []).map((w) => ({ value: w, label: w }))}
          onChange={(workflow) => go({ workflow })}
        />
        <TimeRangeFilter from={filters.from} to={filters.to} onChange={(range) => go({ from: range.from, to: range.to })} />
        <Button type="submit" disabled={text.trim().length < MIN_LOG_SEARCH_CHARS}>
          Search
        </Button>
      </form>
      {!active ? (
        <EmptyState
          icon={<FileSearch />}
          title="Find runs by what their steps printed"
          description="Type two or more characters: an error message, a pod name, a test id. Every word must appear in one line of a step's log."
        />
      ) : search.isPending ? (
        <div role="status" aria-label="Searching" className="space-y-2 rounded-xl border bg-card p-4">
          {Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, a fixed list that never reorders
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : search.error && !search.data ? (
        <QueryError
          what="the search"
          message={errorMessage(search.error)}
          action={
            <Button variant="outline" size="sm" onClick={() => search.refetch()}>
              Retry
            </Button>
          }
        />
      ) : search.data && search.data.items.length === 0 ? (
        <EmptyState
          icon={<SearchX />}
          title="No run's logs contain these words"
          description="Try fewer or other words, another workflow, or a wider time range."
        />
      ) : (
        search.data && <LogSearchResults items={search.data.items} query={filters.q} stale={search.isPlaceholderData} />
      )}
    </RunClockProvider>
  );
}

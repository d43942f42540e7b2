'use client';

import { GitCommitHorizontal, LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api/fetch-json';
import { useCommits } from '@/lib/api/hooks/use-commits';
import type { CommitFilters as Filters } from '@/lib/contract/schemas';
import { routes } from '@/lib/routes';
import { CommitFilters } from './commit-filters';
import { CommitsTable } from './commits-table';

/** The commit log below the server's first paint: filters in the URL, the table, "load more" by seq. */
export function CommitsView({ filters }: { filters: Filters }) {
  const router = useRouter();
  const list = useCommits(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="space-y-3" data-testid="commits-view">
      <CommitFilters key={JSON.stringify(filters)} filters={filters} onChange={(next) => router.replace(routes.commits(next), { scroll: false })} />
      {list.error && (
        <QueryError what="the commit log" message={isApiError(list.error) ? list.error.message : 'The server could not be reached.'} stale={items.length > 0} />
      )}
      {list.isPending ? (
        <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
          <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading commits…
        </p>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<GitCommitHorizontal />}
          title={filtered ? 'No commit matches these filters' : 'No commits yet'}
          description={
            filtered
              ? 'Clear a filter to see more of the log.'
              : 'Every change made through Flowdeck — versions, sunsets, run actions, upgrades — is recorded here.'
          }
        />
      ) : (
        <>
          <CommitsTable commits={items} />
          <div className="flex items-center justify-between text-sm text-muted-foreground">
            <span data-testid="commits-loaded">
              Showing {items.length.toLocaleString('en-US')} {items.length === 1 ? 'commit' : 'commits'}
              {list.hasNextPage ? '' : filtered ? ' — every match' : ' — back to the first commit'}
            </span>
            {list.hasNextPage && (
              <Button variant="outline" size="sm" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

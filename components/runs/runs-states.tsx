'use client';

import { Activity, RotateCw, SearchX, TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/api/fetch-json';
import { cn } from '@/lib/utils/cn';

/** No run matches: with filters, offer to clear them; without, say how runs arrive. */
export function RunsEmpty({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  return filtered ? (
    <EmptyState
      icon={<SearchX />}
      title="No runs match these filters"
      description="Try a wider time range, another phase, or fewer filters."
      action={<Button onClick={onClear}>Clear filters</Button>}
      className="m-4 border-0 py-12"
    />
  ) : (
    <EmptyState
      icon={<Activity />}
      title="No runs yet"
      description="Runs appear here as soon as an engine or the reference runner creates them through the ingest API."
      className="m-4 border-0 py-12"
    />
  );
}

/** The server's message as a sentence ("internal server error" → "Internal server error."). */
function messageOf(error: unknown): string {
  const text = isApiError(error) && error.message ? error.message : 'Something went wrong while loading runs';
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A failed load or refresh. With data on screen it is a banner above the list (the rows stay);
 * without, it takes the table's place.
 */
export function RunsQueryError({ error, onRetry, hasData }: { error: unknown; onRetry(): void; hasData: boolean }) {
  return (
    <div
      role="alert"
      data-testid="runs-query-error"
      className={cn('flex items-start gap-3 rounded-lg border border-danger/25 bg-danger-soft px-4 py-3 text-sm', !hasData && 'm-4')}
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-foreground">{hasData ? 'Could not refresh the runs — showing the last data received' : 'Could not load the runs'}</p>
        <p className="mt-0.5 text-muted-foreground">{messageOf(error)}</p>
      </div>
      <Button variant="outline" size="sm" onClick={onRetry}>
        <RotateCw aria-hidden className="size-3.5" />
        Retry
      </Button>
    </div>
  );
}

/** Placeholder rows while the first page loads (also the route's loading UI). */
export function RunsTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div aria-hidden>
      <div className="flex gap-6 border-b bg-muted/40 px-4 py-2.5">
        {[64, 40, 72, 96, 56].map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
          <Skeleton key={i} className="h-3" style={{ width: w }} />
        ))}
      </div>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
        <div key={i} className="flex h-[49px] items-center gap-6 border-b px-4 last:border-b-0">
          <Skeleton className="h-5 w-24 rounded-full" />
          <Skeleton className="h-3.5 w-32" />
          <Skeleton className="h-3.5 w-24" />
          <Skeleton className="h-3.5 flex-1" />
          <Skeleton className="h-3.5 w-16" />
          <Skeleton className="h-3.5 w-12" />
        </div>
      ))}
    </div>
  );
}

'use client';

import { ArrowDown, LoaderCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';

const numberFormat = new Intl.NumberFormat('en-US');

export interface RunsFooterProps {
  loaded: number;
  /** How many runs match, when known. */
  total: number | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore(): void;
}

/** Under the table: how many rows are loaded, the next page on demand, and the keys of the list. */
export function RunsFooter({ loaded, total, hasNextPage, isFetchingNextPage, onLoadMore }: RunsFooterProps) {
  return (
    <div className="flex flex-col items-center gap-3 border-t bg-muted/20 px-4 py-3 sm:flex-row sm:justify-between">
      <p className="text-xs text-muted-foreground" data-testid="runs-loaded">
        Showing <span className="font-medium text-foreground tabular-nums">{numberFormat.format(loaded)}</span>
        {total !== undefined && total >= loaded && (
          <>
            {' '}
            of <span className="tabular-nums">{numberFormat.format(total)}</span>
          </>
        )}{' '}
        {(total ?? loaded) === 1 ? 'run' : 'runs'}
      </p>
      {hasNextPage ? (
        <Button variant="outline" size="sm" onClick={onLoadMore} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <ArrowDown aria-hidden className="size-3.5" />}
          {isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : (
        <span className="text-xs text-muted-foreground">End of the list</span>
      )}
      <p className="hidden items-center gap-1 text-xs text-muted-foreground lg:flex">
        <Kbd>J</Kbd>
        <Kbd>K</Kbd> move <span className="mx-1 opacity-40">·</span>
        <Kbd>↵</Kbd> open <span className="mx-1 opacity-40">·</span>
        <Kbd>/</Kbd> search
      </p>
    </div>
  );
}

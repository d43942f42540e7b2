'use client';

import { History, LoaderCircle } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { RelativeTime } from '@/components/ui/relative-time';
import { isApiError } from '@/lib/api/fetch-json';
import { ENTITY_HISTORY_PAGE, useCommits } from '@/lib/api/hooks/use-commits';
import { shortId } from '@/lib/domain/id-format';
import { routes } from '@/lib/routes';
import { ActionLabel } from './commits-table';
import type { CommitEntity } from './entity-link';

export interface EntityHistoryProps {
  entity: CommitEntity;
  id: string;
}

/**
 * Every commit that touched one entity (a version, a run), newest first, as a timeline: what was done,
 * by whom, why, when; each opens the commit's before/after. Reusable as a History tab.
 */
export function EntityHistory({ entity, id }: EntityHistoryProps) {
  const list = useCommits({ entity, id }, ENTITY_HISTORY_PAGE);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading history…
      </p>
    );
  }
  return (
    <div className="space-y-3" data-testid="entity-history">
      {list.error && (
        <QueryError what="the history" message={isApiError(list.error) ? list.error.message : 'The server could not be reached.'} stale={items.length > 0} />
      )}
      {items.length === 0 ? (
        <EmptyState
          icon={<History />}
          title="No changes recorded"
          description={`Nothing has changed this ${entity} through Flowdeck yet. Engine events are in the run's event log, not here.`}
        />
      ) : (
        <ol className="relative space-y-0 border-l pl-5">
          {items.map((c) => (
            <li key={c.id} className="relative pb-4 last:pb-0" data-testid="history-item">
              <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background bg-primary" />
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
                <ActionLabel action={c.action} />
                <span className="text-muted-foreground">by</span>
                <span className="font-mono text-[12px]">{c.actor}</span>
                <span className="text-muted-foreground">·</span>
                <RelativeTime iso={c.createdAt} className="text-muted-foreground" />
                <Link href={routes.commit(c.id)} className="ml-auto font-mono text-[12px] text-primary hover:underline" title={c.id}>
                  #{c.seq} {shortId(c.id, 6, 4)}
                </Link>
              </div>
              {c.reason && <p className="mt-0.5 text-sm text-muted-foreground">“{c.reason}”</p>}
              {c.changeCount > 1 && (
                <p className="mt-0.5 text-xs text-muted-foreground">
                  with {c.changeCount - 1} other {c.changeCount === 2 ? 'change' : 'changes'}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="flex items-center gap-3">
        {list.hasNextPage && (
          <Button variant="outline" size="sm" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        )}
        {items.length > 0 && (
          <Link href={routes.commits({ entity, id })} className="text-xs text-primary hover:underline">
            Open in the commit log →
          </Link>
        )}
      </div>
    </div>
  );
}

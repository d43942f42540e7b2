'use client';

import { ListTree, Search, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { useRunEvents } from '@/lib/api/hooks/use-run-events';
import { searchEvents } from '@/lib/domain/event-search';
import type { EventType } from '@/lib/domain/event-types';
import { isActive } from '@/lib/domain/run-phase';
import { cn } from '@/lib/utils/cn';
import { EVENT_GRID, EventRow } from './event-row';
import { EventTypeFilter } from './event-type-filter';
import { RefetchError } from './refetch-error';

const inputClass = 'h-8 rounded-md border border-input bg-background px-2.5 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring';

/** The run's event log: server-side type and node filters, a search over what is loaded, load more. */
export function EventsTab({ run }: { run: RunDetail }) {
  const [types, setTypes] = useState<EventType[]>([]);
  const [node, setNode] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const events = useRunEvents(run.id, { type: types, node }, isActive(run.phase));
  const loaded = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  const shown = useMemo(() => searchEvents(loaded, query), [loaded, query]);
  const nodeIds = useMemo(() => run.nodes.map((n) => n.nodeId).sort(), [run.nodes]);
  const filtered = types.length > 0 || node !== null || query !== '';

  return (
    <div className="space-y-3" data-testid="events-tab">
      <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter events">
        <EventTypeFilter value={types} onChange={setTypes} />
        <select
          aria-label="Step"
          value={node ?? ''}
          onChange={(e) => setNode(e.target.value || null)}
          className={cn(inputClass, 'max-w-56 font-mono text-xs', node && 'border-primary/50 text-primary')}
        >
          <option value="">All steps</option>
          {nodeIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
        <label className="relative min-w-48 flex-1">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search loaded events…"
            aria-label="Search loaded events"
            className={cn(inputClass, 'w-full pl-8')}
          />
        </label>
        {filtered && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setTypes([]);
              setNode(null);
              setQuery('');
            }}
          >
            <X aria-hidden className="size-3.5" />
            Clear
          </Button>
        )}
      </div>
      {events.error && <RefetchError error={events.error} what="the event log" />}
      <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
        <div className={cn(EVENT_GRID, 'border-b bg-muted/40 px-3 py-2 text-[11px] font-medium text-muted-foreground')}>
          <span className="text-right">Seq</span>
          <span>Time</span>
          <span>Type</span>
          <span>Step</span>
          <span>Details</span>
          <span />
        </div>
        {events.isPending ? (
          <div className="space-y-2 p-3" role="status" aria-label="Loading events">
            {Array.from({ length: 6 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
              <Skeleton key={i} className="h-5 w-full" />
            ))}
          </div>
        ) : shown.length === 0 ? (
          <EmptyState
            icon={<ListTree />}
            title="No events"
            description={filtered ? 'No loaded event matches these filters.' : 'This run has no events yet.'}
            className="m-3 py-10"
          />
        ) : (
          <ol aria-label="Events">
            {shown.map((e) => (
              <EventRow key={e.seq} event={e} onNode={setNode} />
            ))}
          </ol>
        )}
        <div className="flex items-center gap-3 border-t bg-muted/30 px-3 py-2 text-xs text-muted-foreground">
          <span data-testid="events-count" className="tabular-nums">
            {query ? `${shown.length} of ${loaded.length} loaded events match` : `${loaded.length} ${loaded.length === 1 ? 'event' : 'events'} loaded`}
            {query && events.hasNextPage && ' — the search covers loaded events only'}
          </span>
          <span className="flex-1" />
          {events.hasNextPage ? (
            <Button variant="outline" size="sm" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          ) : (
            !events.isPending && loaded.length > 0 && <span>End of the log</span>
          )}
        </div>
      </div>
    </div>
  );
}

'use client';

import { ChevronRight } from 'lucide-react';
import { memo, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { JsonViewer } from '@/components/ui/json-viewer';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { EventDto } from '@/lib/api/hooks/use-run-events';
import { eventSummary } from '@/lib/domain/event-search';
import type { EventType } from '@/lib/domain/event-types';
import { formatClock, formatTimestamp } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';

const TONES: Record<EventType, BadgeTone> = {
  run_created: 'neutral',
  run_started: 'primary',
  run_paused: 'warning',
  run_resumed: 'primary',
  run_cancelled: 'warning',
  run_finished: 'primary',
  node_started: 'info',
  node_succeeded: 'success',
  node_failed: 'danger',
  node_skipped: 'neutral',
  node_requeued: 'warning',
  sleep_started: 'outline',
  sleep_woken: 'outline',
  hook_created: 'outline',
  hook_received: 'outline',
  run_upgraded: 'primary',
  engine_event: 'neutral',
};

export const EVENT_GRID = 'grid grid-cols-[3rem_6.5rem_9.5rem_minmax(0,10rem)_minmax(0,1fr)_1.5rem] items-center gap-3';

/** One event of the log; its data opens below it. */
export const EventRow = memo(function EventRow({ event, onNode }: { event: EventDto; onNode: (nodeId: string) => void }) {
  const [open, setOpen] = useState(false);
  const zone = useHydrated() ? undefined : 'UTC';
  const summary = eventSummary(event);
  const hasData = Object.keys(event.data).length > 0;
  return (
    <li data-testid="event-row" data-type={event.type} data-seq={event.seq} className="border-b last:border-b-0">
      <div className={cn(EVENT_GRID, 'px-3 py-1.5 text-xs', open && 'bg-muted/40')}>
        <span className="text-right font-mono text-muted-foreground tabular-nums">#{event.seq}</span>
        <time dateTime={event.at} title={formatTimestamp(event.at, zone)} className="font-mono text-muted-foreground tabular-nums" suppressHydrationWarning>
          {formatClock(event.at, zone)}
        </time>
        <span>
          <Badge
            tone={TONES[event.type]}
            className="font-mono text-[11px]"
            title={event.engineType ? `the engine's own type; Flowdeck reads it as ${event.type}` : undefined}
          >
            {event.engineType ?? event.type}
          </Badge>
        </span>
        <span className="truncate">
          {event.nodeId && (
            <button
              type="button"
              onClick={() => onNode(event.nodeId as string)}
              title={`Only events of ${event.nodeId}`}
              className="cursor-pointer font-mono hover:text-primary hover:underline"
            >
              {event.nodeId}
            </button>
          )}
        </span>
        <span className="truncate text-muted-foreground" title={summary}>
          {summary}
        </span>
        {hasData ? (
          <button
            type="button"
            aria-expanded={open}
            aria-label={open ? `Hide data of event ${event.seq}` : `Show data of event ${event.seq}`}
            onClick={() => setOpen(!open)}
            className="flex size-6 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <ChevronRight aria-hidden className={cn('size-4 transition-transform', open && 'rotate-90')} />
          </button>
        ) : (
          <span className="size-6" />
        )}
      </div>
      {open && (
        <div className="bg-muted/40 px-3 pb-3">
          <JsonViewer label={`Event #${event.seq} data`} value={event.data} defaultExpandDepth={4} />
        </div>
      )}
    </li>
  );
});

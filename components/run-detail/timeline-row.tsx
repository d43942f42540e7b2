import { Hourglass, Webhook } from 'lucide-react';
import { memo } from 'react';
import { NODE_STATUS_STYLES } from '@/components/graph/node-status-style';
import { NODE_STATUS_LABELS } from '@/lib/domain/node-status';
import { formatDuration } from '@/lib/domain/time-format';
import type { TimelineRow as Row, WaitSegment } from '@/lib/domain/timeline';
import { cn } from '@/lib/utils/cn';

export const ROW_HEIGHT = 30;
export const LABEL_WIDTH = 220;

const WAIT_TEXT = { sleep: 'sleeping', hook: 'waiting on hook' } as const;

function barTitle(row: Row): string {
  const parts = [`${row.id} — ${NODE_STATUS_LABELS[row.status]}`];
  if (row.start !== null && row.end !== null) parts.push(`${row.open ? 'running for' : 'took'} ${formatDuration(row.end - row.start)}`);
  if (row.attempt > 1) parts.push(`attempt ${row.attempt}`);
  for (const w of row.waits) parts.push(`${WAIT_TEXT[w.kind]} ${formatDuration(w.end - w.start)}${w.open ? ' so far' : ''}`);
  return parts.join(' · ');
}

function Wait({ wait, barStart, scale }: { wait: WaitSegment; barStart: number; scale: number }) {
  const Icon = wait.kind === 'sleep' ? Hourglass : Webhook;
  const width = Math.max(2, (wait.end - wait.start) * scale);
  return (
    <span
      data-testid="timeline-wait"
      data-kind={wait.kind}
      className="absolute inset-y-0 flex items-center justify-center overflow-hidden rounded-[3px] bg-info bg-[repeating-linear-gradient(135deg,rgb(255_255_255/0.5)_0_3px,transparent_3px_7px)] text-white ring-1 ring-info ring-inset"
      style={{ left: (wait.start - barStart) * scale, width }}
    >
      {width > 18 && <Icon aria-hidden className="size-3" />}
    </span>
  );
}

export interface TimelineRowProps {
  row: Row;
  /** Epoch ms at x = 0 of the track. */
  origin: number;
  scale: number;
  width: number;
  onOpen: (nodeId: string) => void;
}

/** One node: a sticky label, and its bar from start to end (or now) with any waiting stretches inside. */
export const TimelineRow = memo(function TimelineRow({ row, origin, scale, width, onOpen }: TimelineRowProps) {
  const style = NODE_STATUS_STYLES[row.status];
  const Icon = style.icon;
  const hasBar = row.start !== null && row.end !== null;
  const barWidth = hasBar ? Math.max(3, ((row.end as number) - (row.start as number)) * scale) : 0;
  const barLeft = hasBar ? ((row.start as number) - origin) * scale : 0;
  const duration = hasBar ? formatDuration((row.end as number) - (row.start as number)) : null;
  return (
    <div className="flex h-full" style={{ width: LABEL_WIDTH + width }} data-testid="timeline-row" data-node={row.id}>
      <button
        type="button"
        onClick={() => onOpen(row.id)}
        title={`Show ${row.id} in the graph`}
        className="sticky left-0 z-10 flex shrink-0 cursor-pointer items-center gap-2 border-r bg-card px-3 text-left hover:bg-accent"
        style={{ width: LABEL_WIDTH }}
      >
        <Icon aria-label={NODE_STATUS_LABELS[row.status]} className={cn('size-3.5 shrink-0', style.text)} />
        <span className="truncate font-mono text-xs">{row.id}</span>
        {row.attempt > 1 && <span className="ml-auto shrink-0 text-[10px] font-medium text-warning">×{row.attempt}</span>}
      </button>
      <div className="relative flex-1">
        {hasBar ? (
          <div className="absolute inset-y-[7px] flex items-center" style={{ left: barLeft }} title={barTitle(row)}>
            <div
              data-testid="timeline-bar"
              data-status={row.status}
              className={cn('relative h-full rounded-[3px]', style.bar, row.open && 'animate-pulse')}
              style={{ width: barWidth }}
            >
              {row.waits.map((w) => (
                <Wait key={w.start} wait={w} barStart={row.start as number} scale={scale} />
              ))}
            </div>
            <span className="ml-1.5 text-[10px] whitespace-nowrap text-muted-foreground tabular-nums">{duration}</span>
          </div>
        ) : (
          <span className="absolute inset-y-0 left-2 flex items-center text-[11px] text-muted-foreground italic">
            {row.status === 'skipped' ? 'skipped' : row.status === 'cancelled' ? 'cancelled before starting' : 'not started'}
          </span>
        )}
      </div>
    </div>
  );
});

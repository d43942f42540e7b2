import { formatOffset } from '@/lib/domain/time-format';
import { tickOffsets, tickStep } from '@/lib/domain/timeline';
import { LABEL_WIDTH } from './timeline-row';

export const AXIS_HEIGHT = 28;
const MIN_TICK_GAP_PX = 84;

/** Offsets (ms from the chart origin) of the ticks within the visible horizontal window. */
export function visibleTicks(scale: number, spanMs: number, scrollLeft: number, viewport: number): number[] {
  const step = tickStep(scale, MIN_TICK_GAP_PX);
  const from = Math.max(0, Math.floor(scrollLeft / scale / step) * step);
  const to = Math.min(spanMs, (scrollLeft + viewport) / scale);
  return tickOffsets(to - from, step).map((t) => t + from);
}

/** The sticky time axis: offsets from the run's start. */
export function TimelineAxis({ ticks, scale, width }: { ticks: number[]; scale: number; width: number }) {
  return (
    <div className="sticky top-0 z-20 flex border-b bg-card" style={{ height: AXIS_HEIGHT, width: LABEL_WIDTH + width }}>
      <div
        className="sticky left-0 z-10 flex shrink-0 items-center border-r bg-card px-3 text-xs font-medium text-muted-foreground"
        style={{ width: LABEL_WIDTH }}
      >
        Step
      </div>
      <div className="relative flex-1" data-testid="timeline-axis">
        {ticks.map((t) => (
          <span
            key={t}
            className="absolute inset-y-0 flex items-center border-l border-border pl-1 text-[10px] whitespace-nowrap text-muted-foreground tabular-nums"
            style={{ left: t * scale }}
          >
            {formatOffset(t)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Vertical grid lines under the bars, one per tick. */
export function TimelineGrid({ ticks, scale, height }: { ticks: number[]; scale: number; height: number }) {
  return (
    <div aria-hidden className="pointer-events-none absolute top-0" style={{ left: LABEL_WIDTH, height }}>
      {ticks.map((t) => (
        <span key={t} className="absolute top-0 h-full border-l border-dashed border-border/60" style={{ left: t * scale }} />
      ))}
    </div>
  );
}

'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { Maximize2, ZoomIn, ZoomOut } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { type TimelineRow as Row, zoomBy } from '@/lib/domain/timeline';
import { AXIS_HEIGHT, TimelineAxis, TimelineGrid, visibleTicks } from './timeline-axis';
import { LABEL_WIDTH, ROW_HEIGHT, TimelineRow } from './timeline-row';

/** Widest track the browser is asked to lay out (Chrome caps element sizes near 33M px). */
const MAX_TRACK_PX = 8_000_000;
const MAX_SCALE = 2; // px per ms: 2,000 px per second
const RIGHT_PAD = 56;

export interface TimelineChartProps {
  rows: Row[];
  range: { start: number; end: number };
  /** For an active run: where "now" is drawn. */
  now: number | null;
  onOpenNode: (nodeId: string) => void;
}

/** A Gantt of the run's nodes: fit to width at first, zoom with the buttons or ctrl + wheel around the pointer. */
export function TimelineChart({ rows, range, now, onOpenNode }: TimelineChartProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [zoom, setZoom] = useState(1);
  const pendingScroll = useRef<number | null>(null);
  const span = range.end - range.start;
  const fitScale = Math.max(1e-9, (viewport - LABEL_WIDTH - RIGHT_PAD) / span);
  const maxZoom = Math.max(1, Math.min(MAX_SCALE, MAX_TRACK_PX / span) / fitScale);
  const scale = fitScale * Math.min(zoom, maxZoom);
  const width = span * scale + RIGHT_PAD;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  /** Zooms by `steps`, keeping the time under `anchorX` (px from the track's left edge in view) in place. */
  const zoomAt = useCallback(
    (steps: number, anchorX?: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const x = anchorX ?? (el.clientWidth - LABEL_WIDTH) / 2;
      const t = (el.scrollLeft + x) / scale;
      const next = zoomBy(Math.min(zoom, maxZoom), steps, 1, maxZoom);
      pendingScroll.current = t * fitScale * next - x;
      setZoom(next);
    },
    [scale, zoom, maxZoom, fitScale],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after a zoom is rendered, to keep the time under the pointer in place
  useLayoutEffect(() => {
    if (pendingScroll.current === null || !scrollRef.current) return;
    scrollRef.current.scrollLeft = Math.max(0, pendingScroll.current);
    pendingScroll.current = null;
  }, [zoom]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const x = e.clientX - el.getBoundingClientRect().left - LABEL_WIDTH;
      zoomAt(e.deltaY < 0 ? 1 : -1, Math.max(0, x));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: AXIS_HEIGHT,
  });
  const ticks = viewport > 0 ? visibleTicks(scale, span, scrollLeft, viewport - LABEL_WIDTH) : [];
  const bodyHeight = virtualizer.getTotalSize();

  return (
    <div className="overflow-hidden rounded-xl border bg-card shadow-xs" data-testid="timeline">
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <Button variant="outline" size="icon-sm" onClick={() => zoomAt(-1)} disabled={zoom <= 1} aria-label="Zoom out">
          <ZoomOut aria-hidden className="size-4" />
        </Button>
        <Button variant="outline" size="icon-sm" onClick={() => zoomAt(1)} disabled={zoom >= maxZoom} aria-label="Zoom in">
          <ZoomIn aria-hidden className="size-4" />
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setZoom(1)} disabled={zoom === 1} aria-label="Fit to width">
          <Maximize2 aria-hidden className="size-3.5" />
          Fit
        </Button>
        <span className="text-xs text-muted-foreground tabular-nums" data-testid="timeline-zoom">
          {Math.round(Math.min(zoom, maxZoom) * 100)}%
        </span>
        <span className="ml-auto hidden items-center gap-1 text-xs text-muted-foreground sm:flex">
          <Kbd>Ctrl</Kbd> + scroll to zoom · click a step to open it in the graph
        </span>
      </div>
      <div ref={scrollRef} onScroll={(e) => setScrollLeft(e.currentTarget.scrollLeft)} className="relative max-h-[max(420px,calc(100dvh-24rem))] overflow-auto">
        <TimelineAxis ticks={ticks} scale={scale} width={width} />
        <div className="relative" style={{ height: bodyHeight, width: LABEL_WIDTH + width }}>
          <TimelineGrid ticks={ticks} scale={scale} height={bodyHeight} />
          {now !== null && (
            <div
              aria-hidden
              data-testid="timeline-now"
              className="pointer-events-none absolute top-0 z-[5] h-full border-l-2 border-primary/70"
              style={{ left: LABEL_WIDTH + (now - range.start) * scale }}
            />
          )}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as Row;
            return (
              <div
                key={row.id}
                className="absolute left-0 border-b border-border/50"
                style={{ top: 0, height: ROW_HEIGHT, transform: `translateY(${item.start - AXIS_HEIGHT}px)` }}
              >
                <TimelineRow row={row} origin={range.start} scale={scale} width={width} onOpen={onOpenNode} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

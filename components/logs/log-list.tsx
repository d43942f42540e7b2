'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { LogBuffer } from '@/lib/api/log-buffer';
import type { HighlightRange, LogMatch } from '@/lib/domain/log-view';
import { cn } from '@/lib/utils/cn';
import { LogRow } from './log-row';

/** Height of an unwrapped row (text-xs, leading-5). */
const ROW_PX = 20;
/** Pixels from the bottom that still count as "at the end" (following resumes there). */
const END_SLACK_PX = 24;
const NO_RANGES: readonly HighlightRange[] = [];

export interface LogListProps {
  buffer: LogBuffer;
  /** Lines known (loaded or not) and loaded: the list re-renders when either changes. */
  total: number;
  loaded: number;
  showTime: boolean;
  wrap: boolean;
  matches: readonly LogMatch[];
  /** Index in `matches` of the match the viewer is on, or -1. */
  current: number;
  /** Keep the last line in view as lines arrive. */
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  /** The rows on screen, so their pages load first. */
  onRange: (from: number, to: number) => void;
  /** Where the list opens: its first line, its last, or one line (1-based). */
  start: 'top' | 'end' | number;
  className?: string;
}

/**
 * The lines of a log, virtualized: only the rows on screen (and a few around them) are in the document,
 * so 100,000 lines scroll like 100. Scrolling up while following pauses it; scrolling back to the end
 * resumes it.
 */
export function LogList({ buffer, total, loaded, showTime, wrap, matches, current, following, onFollowingChange, onRange, start, className }: LogListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const userInputAt = useRef(0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 30,
    // Before the pane is measured (the server's render, the first client render): a typical pane, at the start line.
    initialRect: { width: 1200, height: 640 },
    initialOffset: () => (start === 'top' ? 0 : start === 'end' ? Math.max(0, total * ROW_PX - 640) : Math.max(0, (start - 1) * ROW_PX - 320)),
    onChange: (v) => {
      const range = v.range;
      if (range) onRange(range.startIndex, range.endIndex + 1);
    },
  });

  // Matches by row, the current one marked.
  const ranges = useMemo(() => {
    const byRow = new Map<number, HighlightRange[]>();
    matches.forEach((m, i) => {
      const list = byRow.get(m.row) ?? [];
      list.push({ start: m.start, end: m.end, current: i === current });
      byRow.set(m.row, list);
    });
    return byRow;
  }, [matches, current]);

  // Rows change height when wrapping is switched.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure on the switch itself
  useEffect(() => virtualizer.measure(), [wrap, virtualizer]);

  // Open at the start line once there are rows to show.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || total === 0) return;
    opened.current = true;
    if (start === 'end') virtualizer.scrollToIndex(total - 1, { align: 'end' });
    else if (typeof start === 'number') virtualizer.scrollToIndex(Math.min(start, total) - 1, { align: 'center' });
  }, [total, start, virtualizer]);

  // Following: the end stays in view as lines arrive.
  useEffect(() => {
    if (following && total > 0) virtualizer.scrollToIndex(total - 1, { align: 'end' });
  }, [following, total, virtualizer]);

  // The current match is brought into view.
  const match = current >= 0 ? matches[current] : undefined;
  useEffect(() => {
    if (match) virtualizer.scrollToIndex(match.row, { align: 'center' });
  }, [match, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= END_SLACK_PX;
    const byUser = performance.now() - userInputAt.current < 1_000;
    if (!byUser) return;
    if (following && !atEnd) onFollowingChange(false);
    else if (!following && atEnd) onFollowingChange(true);
  };
  const markUserInput = () => {
    userInputAt.current = performance.now();
  };

  const startLine = typeof start === 'number' ? start : null;
  return (
    <div
      ref={scroller}
      role="log"
      aria-label="Log lines"
      aria-live="off"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls with the keyboard (arrows, Page Up/Down)
      tabIndex={0}
      data-testid="log-lines"
      data-total={total}
      data-loaded={loaded}
      onScroll={onScroll}
      onWheel={markUserInput}
      onPointerDown={markUserInput}
      onTouchStart={markUserInput}
      onKeyDown={markUserInput}
      className={cn('relative overflow-auto bg-card outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset', className)}
    >
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={wrap ? virtualizer.measureElement : undefined}
            className="absolute top-0 left-0 min-w-full"
            style={{ transform: `translateY(${item.start}px)`, width: wrap ? '100%' : undefined }}
          >
            <LogRow
              line={buffer.line(item.index)}
              row={item.index}
              showTime={showTime}
              wrap={wrap}
              ranges={ranges.get(item.index) ?? NO_RANGES}
              gutter={String(total).length}
              target={startLine === item.index + 1}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

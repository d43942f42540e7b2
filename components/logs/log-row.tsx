import { memo, useMemo } from 'react';
import type { LogLine } from '@/lib/contract/logs';
import { type HighlightRange, splitHighlights } from '@/lib/domain/log-view';
import { formatClock } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { ansiSegments } from './ansi';

export interface LogRowProps {
  /** Undefined while its page loads. */
  line: LogLine | undefined;
  row: number;
  showTime: boolean;
  wrap: boolean;
  /** Search matches in this line. */
  ranges: readonly HighlightRange[];
  /** Width of the line-number gutter, in characters. */
  gutter: number;
  /** The line the page was opened on (a search result's link). */
  target?: boolean;
}

const MARKS = {
  match: 'rounded-[2px] bg-warning/30 text-foreground',
  current: 'rounded-[2px] bg-warning text-background outline outline-1 outline-warning',
} as const;

function Text({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  const pieces = useMemo(() => splitHighlights(ansiSegments(text), ranges), [text, ranges]);
  return pieces.map((p, i) =>
    p.mark ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one immutable line, in order
      <mark key={i} data-current={p.mark === 'current' || undefined} className={cn(p.style.className, MARKS[p.mark])} style={p.style.style}>
        {p.text}
      </mark>
    ) : p.style.className || p.style.style ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <span key={i} className={p.style.className} style={p.style.style}>
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
}

/** One line of a log: its number, maybe its time, its stream (stderr is marked) and its coloured text. */
export const LogRow = memo(function LogRow({ line, row, showTime, wrap, ranges, gutter, target }: LogRowProps) {
  const stderr = line?.stream === 'stderr';
  return (
    <div
      data-testid="log-line"
      data-n={row + 1}
      data-stream={line?.stream}
      className={cn(
        'flex min-w-full border-l-2 pr-4 font-mono text-xs leading-5',
        stderr ? 'border-danger/70 bg-danger-soft/50' : 'border-transparent',
        target && 'bg-primary/10',
      )}
    >
      <span
        aria-hidden
        className="sticky left-0 shrink-0 bg-inherit pr-3 pl-2 text-right text-muted-foreground/70 tabular-nums select-none"
        style={{ width: `${gutter + 3}ch` }}
      >
        {row + 1}
      </span>
      {showTime && (
        <span className="w-[13ch] shrink-0 text-muted-foreground tabular-nums select-none" title={line?.ts}>
          {line ? formatClock(line.ts) : ''}
        </span>
      )}
      <span className={cn('w-[4ch] shrink-0 text-[10px] font-semibold tracking-wide uppercase select-none', stderr ? 'text-danger' : 'invisible')}>
        {stderr ? 'err' : ''}
      </span>
      {line ? (
        <span className={cn('min-w-0', wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre')}>
          {line.text === '' ? ' ' : <Text text={line.text} ranges={ranges} />}
        </span>
      ) : (
        <span aria-hidden className="my-1.5 h-2 w-48 animate-shimmer rounded bg-muted" />
      )}
    </div>
  );
});

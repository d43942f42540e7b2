'use client';

import { ChevronDown, ChevronUp, Clock, Download, Search, WrapText } from 'lucide-react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { LogAttemptInfo } from '@/lib/contract/logs';
import { MAX_LOG_MATCHES } from '@/lib/domain/log-view';
import { cn } from '@/lib/utils/cn';

const count = new Intl.NumberFormat('en-US');

function Toggle({ on, onChange, label, name, children }: { on: boolean; onChange: (on: boolean) => void; label: string; name?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={name}
      title={label}
      onClick={() => onChange(!on)}
      className={cn(
        'inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-md border px-2 text-xs font-medium [&_svg]:size-3.5',
        on ? 'border-primary/40 bg-primary/10 text-primary' : 'border-input bg-background text-muted-foreground hover:bg-accent hover:text-foreground',
      )}
    >
      {children}
    </button>
  );
}

const iconButton =
  'inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground disabled:pointer-events-none disabled:opacity-40 [&_svg]:size-4';

export interface LogToolbarProps {
  attempts: readonly LogAttemptInfo[];
  attempt: number | null;
  onAttempt: (attempt: number) => void;
  find: { query: string; setQuery: (q: string) => void; matches: readonly unknown[]; current: number; next: () => void; previous: () => void };
  /** Part of the log is still loading, so the match count may grow. */
  partial: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  showTime: boolean;
  onShowTime: (on: boolean) => void;
  wrap: boolean;
  onWrap: (on: boolean) => void;
  downloadHref: string | null;
  /** Search and the switches: only when there are lines. */
  tools: boolean;
  /** A narrow pane (the node panel): switches as icons. */
  compact?: boolean;
  /** Extra controls at the end (a link to the full view). */
  children?: ReactNode;
}

/** Attempt, search with its count and next/previous, time and wrap switches, download. */
export function LogToolbar({
  attempts,
  attempt,
  onAttempt,
  find,
  partial,
  searchRef,
  showTime,
  onShowTime,
  wrap,
  onWrap,
  downloadHref,
  tools,
  compact,
  children,
}: LogToolbarProps) {
  const total = find.matches.length;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      if (e.shiftKey) find.previous();
      else find.next();
    } else if (e.key === 'Escape' && find.query) {
      e.preventDefault();
      find.setQuery('');
    }
  };
  return (
    <div
      className={cn('flex flex-wrap items-center border-b bg-muted/30 py-2', compact ? 'gap-1.5 px-2' : 'gap-2 px-2.5')}
      role="toolbar"
      aria-label="Log tools"
    >
      {attempts.length > 1 ? (
        <select
          aria-label="Attempt"
          value={attempt ?? ''}
          onChange={(e) => onAttempt(Number(e.target.value))}
          className="h-7 rounded-md border border-input bg-background px-1.5 text-xs shadow-xs"
        >
          {attempts.map((a) => (
            <option key={a.attempt} value={a.attempt}>
              Attempt {a.attempt} of {attempts.length}
            </option>
          ))}
        </select>
      ) : (
        // In a narrow pane a single attempt needs no label.
        attempt !== null && !compact && <span className="text-xs text-muted-foreground">Attempt {attempt}</span>
      )}
      {tools && (
        <div className={cn('relative flex flex-1 items-center', compact ? 'min-w-28' : 'min-w-44')}>
          <Search aria-hidden className="pointer-events-none absolute left-2 size-3.5 text-muted-foreground" />
          <input
            ref={searchRef}
            type="search"
            value={find.query}
            onChange={(e) => find.setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Find in log…"
            aria-label="Find in log"
            aria-keyshortcuts="Enter Shift+Enter Escape"
            className={cn(
              'h-7 w-full rounded-md border border-input bg-background pl-7 text-xs shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring',
              find.query ? 'pr-24' : 'pr-2',
            )}
          />
          {find.query && (
            <span className="absolute right-1 flex items-center gap-0.5">
              <span data-testid="log-match-count" aria-live="polite" className="px-1 text-[11px] text-muted-foreground tabular-nums">
                {total === 0
                  ? partial
                    ? '0 so far'
                    : 'No matches'
                  : `${find.current + 1}/${count.format(total)}${total >= MAX_LOG_MATCHES || partial ? '+' : ''}`}
              </span>
              <button
                type="button"
                aria-label="Previous match"
                title="Previous match (Shift+Enter)"
                onClick={find.previous}
                disabled={total === 0}
                className={iconButton}
              >
                <ChevronUp aria-hidden />
              </button>
              <button type="button" aria-label="Next match" title="Next match (Enter)" onClick={find.next} disabled={total === 0} className={iconButton}>
                <ChevronDown aria-hidden />
              </button>
            </span>
          )}
        </div>
      )}
      {!tools && <span className="flex-1" />}
      {tools && (
        <>
          <Toggle on={showTime} onChange={onShowTime} label="Show the time of each line" name={compact ? 'Time' : undefined}>
            <Clock aria-hidden />
            {!compact && 'Time'}
          </Toggle>
          <Toggle on={wrap} onChange={onWrap} label="Wrap long lines" name={compact ? 'Wrap' : undefined}>
            <WrapText aria-hidden />
            {!compact && 'Wrap'}
          </Toggle>
        </>
      )}
      {downloadHref && (
        <a
          href={downloadHref}
          download
          title="Download this attempt's log as text"
          aria-label={compact ? 'Download' : undefined}
          className="inline-flex h-7 items-center gap-1.5 rounded-md border border-input bg-background px-2 text-xs font-medium text-muted-foreground hover:bg-accent hover:text-foreground [&_svg]:size-3.5"
        >
          <Download aria-hidden />
          {!compact && 'Download'}
        </a>
      )}
      {children}
    </div>
  );
}

'use client';

import { RefreshCw } from 'lucide-react';
import { formatAge } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { useRunClock } from './run-clock';

export interface RunListFreshnessProps {
  live: boolean;
  updatedAt: number;
  busy: boolean;
  onRefresh(): void;
}

/** "Live · updated 2s ago" while active runs are polled, "Updated 3m ago" otherwise, and a refresh button. */
export function RunListFreshness({ live, updatedAt, busy, onRefresh }: RunListFreshnessProps) {
  const { now } = useRunClock();
  const age = updatedAt ? Math.max(0, now - updatedAt) : null;
  const ago = age === null ? 'not yet' : age < 1_500 ? 'just now' : `${formatAge(age)} ago`;
  return (
    <div className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="run-list-freshness" data-live={live || undefined}>
      {live && (
        <span className="flex items-center gap-1.5 font-medium text-foreground/80" title="Refreshing every few seconds while runs on screen are active">
          <span aria-hidden className="relative flex size-1.5">
            <span className="absolute inset-0 animate-ping rounded-full bg-success opacity-60" />
            <span className="relative size-1.5 rounded-full bg-success" />
          </span>
          Live
        </span>
      )}
      <span aria-live="off">
        {live ? 'updated' : 'Updated'} {ago}
      </span>
      <button
        type="button"
        aria-label="Refresh now"
        title="Refresh now"
        onClick={onRefresh}
        className="flex size-6 cursor-pointer items-center justify-center rounded-md hover:bg-accent hover:text-foreground"
      >
        <RefreshCw aria-hidden className={cn('size-3.5', busy && 'animate-spin')} />
      </button>
    </div>
  );
}

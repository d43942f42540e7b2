'use client';

import { formatRelative, formatTimestamp } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { useNow } from './use-now';

/**
 * `5m ago`, kept current (re-rendered on the shared 30 s clock and written against the time of that render,
 * so a time that just arrived in a refetch never reads as "in 20s"); the full time in the tooltip. The server writes it
 * against its own clock; the browser's first render may differ by seconds, hence the suppressed warning.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  useNow(30_000);
  const now = Date.now();
  return (
    <time dateTime={iso} title={formatTimestamp(iso)} suppressHydrationWarning className={cn('tabular-nums whitespace-nowrap', className)}>
      {formatRelative(iso, now)}
    </time>
  );
}

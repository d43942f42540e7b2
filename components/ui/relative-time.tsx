'use client';

import { useEffect, useState } from 'react';
import { formatAbsolute, formatRelative } from '@/lib/domain/run-list-format';
import { cn } from '@/lib/utils/cn';

/**
 * `5m ago`, kept current (re-rendered every 30 s against the clock of that render, so a time that just
 * arrived in a refetch never reads as "in 2s"); the full time in the tooltip. The server writes it
 * against its own clock; the browser's first render may differ by seconds, hence the suppressed warning.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} suppressHydrationWarning className={cn('tabular-nums whitespace-nowrap', className)}>
      {formatRelative(iso, Date.now())}
    </time>
  );
}

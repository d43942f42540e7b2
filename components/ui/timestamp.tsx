'use client';

import { formatTimestamp } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { useHydrated } from './use-hydrated';

/**
 * A point in time in the viewer's zone (`Nov 21, 2025, 10:19:05`), the ISO value in its tooltip. The
 * server renders UTC; after hydration it switches to the browser's zone (no change where they agree).
 */
export function Timestamp({ iso, className }: { iso: string; className?: string }) {
  const hydrated = useHydrated();
  const text = formatTimestamp(iso, hydrated ? undefined : 'UTC');
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning className={cn('tabular-nums', className)}>
      {text}
    </time>
  );
}

import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export interface QueryErrorProps {
  /** What failed to load, e.g. "the drain report". */
  what: string;
  /** The user-facing message (from an ApiError). */
  message: string;
  /** True when older data stays on screen under this note. */
  stale?: boolean;
  action?: ReactNode;
  className?: string;
}

/** A failed load or background refresh, inline; the last data (if any) stays on screen. */
export function QueryError({ what, message, stale = false, action, className }: QueryErrorProps) {
  return (
    <div
      role="alert"
      data-testid="query-error"
      className={cn('flex items-center gap-2 rounded-lg border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning', className)}
    >
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <span className="min-w-0 flex-1 text-foreground/85">
        Could not load {what}: {message}
        {stale && ' Showing the last known state.'}
      </span>
      {action}
    </div>
  );
}

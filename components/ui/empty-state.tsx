import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export interface EmptyStateProps {
  /** A lucide icon element, e.g. `<Activity />`. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links under the text. */
  action?: ReactNode;
  /** Extra content under the action (a list of what is coming, a hint). */
  children?: ReactNode;
  className?: string;
}

/** The centered "nothing here" panel of a list or page: icon, title, one sentence, maybe an action. */
export function EmptyState({ icon, title, description, action, children, className }: EmptyStateProps) {
  return (
    <div
      data-testid="empty-state"
      className={cn('flex flex-col items-center justify-center rounded-xl border border-dashed px-6 py-14 text-center', className)}
    >
      {icon && (
        <div className="mb-4 flex size-11 items-center justify-center rounded-xl border bg-card text-muted-foreground shadow-xs [&_svg]:size-5">{icon}</div>
      )}
      <h2 className="text-base font-semibold tracking-tight">{title}</h2>
      {description && <p className="mt-1.5 max-w-md text-sm text-balance text-muted-foreground">{description}</p>}
      {action && <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div>}
      {children && <div className="mt-6 w-full max-w-3xl">{children}</div>}
    </div>
  );
}

import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export type CalloutTone = 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<CalloutTone, { frame: string; icon: typeof Info }> = {
  info: { frame: 'border-info/25 bg-info-soft [&>svg]:text-info', icon: Info },
  success: { frame: 'border-success/25 bg-success-soft [&>svg]:text-success', icon: CircleCheck },
  warning: { frame: 'border-warning/30 bg-warning-soft [&>svg]:text-warning', icon: TriangleAlert },
  danger: { frame: 'border-danger/25 bg-danger-soft [&>svg]:text-danger', icon: CircleAlert },
};

export interface CalloutProps {
  tone?: CalloutTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons under the text. */
  action?: ReactNode;
  className?: string;
  role?: 'alert' | 'status';
  'data-testid'?: string;
}

/** A boxed note inside a page or dialog: what will happen, what went wrong, what to do next. */
export function Callout({ tone = 'info', title, children, action, className, role, ...rest }: CalloutProps) {
  const { frame, icon: Icon } = TONES[tone];
  return (
    <div role={role} data-testid={rest['data-testid']} className={cn('flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm', frame, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1 text-foreground/90">
        {title && <p className="font-medium text-foreground">{title}</p>}
        {children}
        {action && <div className="flex flex-wrap gap-2 pt-1.5">{action}</div>}
      </div>
    </div>
  );
}

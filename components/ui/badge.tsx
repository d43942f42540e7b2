import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils/cn';

export type BadgeTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger' | 'info' | 'outline';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-muted text-muted-foreground border-transparent',
  primary: 'bg-primary/10 text-primary border-primary/20',
  success: 'bg-success-soft text-success border-success/20',
  warning: 'bg-warning-soft text-warning border-warning/25',
  danger: 'bg-danger-soft text-danger border-danger/20',
  info: 'bg-info-soft text-info border-info/20',
  outline: 'bg-transparent text-foreground border-border',
};

const DOTS: Record<BadgeTone, string> = {
  neutral: 'bg-muted-foreground/70',
  primary: 'bg-primary',
  success: 'bg-success',
  warning: 'bg-warning',
  danger: 'bg-danger',
  info: 'bg-info',
  outline: 'bg-muted-foreground',
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** A leading status dot; `pulse` animates it (for something in progress). */
  dot?: boolean | 'pulse';
}

export function Badge({ tone = 'neutral', dot, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn('inline-flex h-5 items-center gap-1.5 rounded-full border px-2 text-xs leading-none font-medium whitespace-nowrap', TONES[tone], className)}
      {...props}
    >
      {dot && (
        <span className="relative flex size-1.5" aria-hidden>
          {dot === 'pulse' && <span className={cn('absolute inset-0 animate-ping rounded-full opacity-60', DOTS[tone])} />}
          <span className={cn('relative size-1.5 rounded-full', DOTS[tone])} />
        </span>
      )}
      {children}
    </span>
  );
}

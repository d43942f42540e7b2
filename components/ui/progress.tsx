import { cn } from '@/lib/utils/cn';

export interface ProgressProps {
  /** 0–100. */
  value: number;
  label: string;
  tone?: 'primary' | 'success' | 'warning' | 'danger';
  className?: string;
}

const BARS = { primary: 'bg-primary', success: 'bg-success', warning: 'bg-warning', danger: 'bg-danger' } as const;

/** A horizontal progress bar (role progressbar, named by `label`). */
export function Progress({ value, label, tone = 'primary', className }: ProgressProps) {
  const v = Math.max(0, Math.min(100, value));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-muted', className)}
    >
      <div className={cn('h-full rounded-full transition-[width] duration-500', BARS[tone])} style={{ width: `${v}%` }} />
    </div>
  );
}

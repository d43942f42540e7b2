import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils/cn';

/** A placeholder block while content loads; size it with classes (`h-4 w-32`). */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden className={cn('animate-shimmer rounded-md bg-muted dark:bg-foreground/10', className)} {...props} />;
}

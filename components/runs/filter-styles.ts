import { cn } from '@/lib/utils/cn';

/** The look shared by every filter control (inputs, selects, menu buttons); set filters are tinted. */
export function filterControlClass(active: boolean, className?: string): string {
  return cn(
    'inline-flex h-8 items-center rounded-md border bg-background px-2.5 text-sm shadow-xs transition-colors',
    'hover:bg-accent/60 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
    active ? 'border-primary/40 bg-primary/[0.04] dark:bg-primary/10' : 'border-input',
    className,
  );
}

import type { HttpMethod } from '@/lib/contract/endpoint-spec';
import { cn } from '@/lib/utils/cn';

const METHOD_STYLE: Record<HttpMethod, string> = {
  GET: 'bg-info-soft text-info border-info/25',
  POST: 'bg-success-soft text-success border-success/25',
  PUT: 'bg-warning-soft text-warning border-warning/30',
  PATCH: 'bg-primary/10 text-primary border-primary/25',
  DELETE: 'bg-danger-soft text-danger border-danger/25',
};

/** An HTTP method as a fixed-width tag, colored by what it does. */
export function MethodBadge({ method, className }: { method: HttpMethod; className?: string }) {
  return (
    <span
      data-testid="method-badge"
      className={cn(
        'inline-flex h-5 w-[3.75rem] shrink-0 items-center justify-center rounded border font-mono text-[11px] font-semibold tracking-wide',
        METHOD_STYLE[method],
        className,
      )}
    >
      {method}
    </span>
  );
}

import { Skeleton } from '@/components/ui/skeleton';

/** A commit page while it renders: header and a before/after table. */
export default function CommitLoading() {
  return (
    <div role="status" aria-label="Loading" data-testid="page-loading" className="space-y-5">
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-7 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="overflow-hidden rounded-xl border">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
          <div key={i} className="flex gap-4 border-b px-4 py-3 last:border-b-0">
            <Skeleton className="h-3.5 w-28" />
            <Skeleton className="h-3.5 flex-1" />
            <Skeleton className="h-3.5 flex-1" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

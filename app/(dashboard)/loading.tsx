import { Skeleton } from '@/components/ui/skeleton';

/** The page skeleton while a dashboard page renders: a header and a list. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-label="Loading" data-testid="page-loading">
      <div className="mb-8 space-y-2.5">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="mb-4 flex gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-8 w-28" />
      </div>
      <div className="overflow-hidden rounded-xl border bg-card">
        <div className="border-b bg-muted/40 px-4 py-3">
          <Skeleton className="h-3.5 w-1/3" />
        </div>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b px-4 py-3.5 last:border-b-0">
            <Skeleton className="size-4 rounded-full" />
            <Skeleton className="h-3.5 w-40" />
            <Skeleton className="h-3.5 flex-1" />
            <Skeleton className="h-5 w-16 rounded-full" />
            <Skeleton className="h-3.5 w-20" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

import { Skeleton } from '@/components/ui/skeleton';

/** A run's page while it renders: header, facts, tabs and the graph area. */
export default function RunLoading() {
  return (
    <div role="status" aria-label="Loading run" data-testid="page-loading">
      <Skeleton className="mb-3 h-4 w-32" />
      <div className="mb-2 flex items-center gap-2.5">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-5 w-20 rounded-full" />
      </div>
      <Skeleton className="mb-5 h-4 w-72" />
      <div className="mb-6 grid grid-cols-2 gap-4 rounded-xl border bg-card px-5 py-4 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
          <div key={i} className="space-y-1.5">
            <Skeleton className="h-3 w-14" />
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
      <div className="mb-4 flex gap-4 border-b pb-2">
        {Array.from({ length: 4 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
          <Skeleton key={i} className="h-5 w-20" />
        ))}
      </div>
      <Skeleton className="h-[460px] w-full rounded-xl" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

import { Skeleton } from '@/components/ui/skeleton';

/** A version page while it renders: header, facts, tabs and a panel. */
export default function VersionLoading() {
  return (
    <div role="status" aria-label="Loading" data-testid="page-loading" className="space-y-5">
      <Skeleton className="h-4 w-32" />
      <div className="space-y-2">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-80" />
      </div>
      <Skeleton className="h-20 w-full rounded-xl" />
      <div className="flex gap-3 border-b pb-2">
        {Array.from({ length: 4 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
          <Skeleton key={i} className="h-5 w-20" />
        ))}
      </div>
      <Skeleton className="h-64 w-full rounded-lg" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

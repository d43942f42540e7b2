import { Skeleton } from '@/components/ui/skeleton';

/** An artifact's page while it renders. */
export default function ArtifactLoading() {
  return (
    <div role="status" aria-label="Loading artifact" data-testid="page-loading" className="space-y-6">
      <div className="space-y-2.5">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-full max-w-xl" />
      </div>
      <Skeleton className="h-16 w-full rounded-xl" />
      <Skeleton className="h-48 w-full rounded-xl" />
      <Skeleton className="h-48 w-full rounded-xl" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

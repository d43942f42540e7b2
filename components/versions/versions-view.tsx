'use client';

import { Layers } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { Toaster } from '@/components/ui/toast';
import { isApiError } from '@/lib/api/fetch-json';
import { useVersions } from '@/lib/api/hooks/use-versions';
import { VersionsTable } from './versions-table';

const errorText = (e: unknown) => (isApiError(e) ? e.message : 'The server could not be reached.');

/** The version registry below the server's first paint: the table, or its empty, loading and error states. */
export function VersionsView() {
  const { data, error, isPending, refetch } = useVersions();
  return (
    <div data-testid="versions-view" className="space-y-3">
      <Toaster />
      {error && (
        <QueryError
          what="the versions"
          message={errorText(error)}
          stale={!!data}
          action={
            <button type="button" onClick={() => refetch()} className="cursor-pointer text-xs font-medium text-primary hover:underline">
              Retry
            </button>
          }
        />
      )}
      {isPending && !data ? (
        <div className="space-y-2" role="status" aria-label="Loading versions">
          {Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: loading placeholders, a fixed list that never reorders
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          icon={<Layers />}
          title="No versions yet"
          description="Register a version with its manifest (POST /api/v1/versions or flowdeck version create); it shows up here with its runs."
        />
      ) : data ? (
        <VersionsTable versions={data.items} />
      ) : null}
    </div>
  );
}

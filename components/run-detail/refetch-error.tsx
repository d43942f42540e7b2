import { TriangleAlert } from 'lucide-react';
import { isApiError } from '@/lib/api/fetch-json';

/** A failed background refresh: the last data stays on screen and this says it may be out of date. */
export function RefetchError({ error, what = 'this run' }: { error: unknown; what?: string }) {
  const message = isApiError(error) ? error.message : 'The server could not be reached.';
  return (
    <div role="alert" className="flex items-center gap-2 rounded-lg border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning">
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <span>
        Could not refresh {what}: {message} Showing the last known state.
      </span>
    </div>
  );
}

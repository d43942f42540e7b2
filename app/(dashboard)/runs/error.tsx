'use client';

import { SegmentError } from '@/components/shell/segment-error';

/** The run index failed on its first paint (the store is unreachable, a query failed). */
export default function RunsError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <SegmentError
      error={error}
      retry={retry}
      title="The runs could not be loaded"
      message="The server could not read the run index. The database may be starting or busy — try again in a moment."
    />
  );
}

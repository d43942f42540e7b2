'use client';

import { SegmentError } from '@/components/shell/segment-error';
import { routes } from '@/lib/routes';

/** The run could not be loaded for an unexpected reason; the cause is in the server log. */
export default function RunError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <SegmentError
      error={error}
      retry={retry}
      title="This run could not be shown"
      message="Something went wrong while loading it — a passing problem with the server or the database. Try again."
      back={{ href: routes.runs(), label: 'Back to runs' }}
    />
  );
}

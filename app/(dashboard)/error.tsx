'use client';

import { SegmentError } from '@/components/shell/segment-error';
import { routes } from '@/lib/routes';

/** An unexpected error in a dashboard page. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <SegmentError
      error={error}
      retry={retry}
      title="Something went wrong"
      message="This page could not be loaded. It may be a passing problem with the server or the database — try again."
      back={{ href: routes.runs(), label: 'Go to runs' }}
    />
  );
}

'use client';

import { RotateCw, TriangleAlert } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

/** The run index failed on its first paint (the store is unreachable, a query failed). */
export default function RunsError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = digestOf(error);

  return (
    <div role="alert" className="mx-auto mt-10 flex max-w-md flex-col items-center text-center">
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-danger/25 bg-danger-soft text-danger">
        <TriangleAlert aria-hidden className="size-5" />
      </div>
      <h1 className="text-lg font-semibold tracking-tight">The runs could not be loaded</h1>
      <p className="mt-1.5 text-sm text-balance text-muted-foreground">
        The server could not read the run index. The database may be starting or busy — try again in a moment.
      </p>
      {digest && (
        <p className="mt-3 text-xs text-muted-foreground">
          Reference <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{digest}</code>
        </p>
      )}
      <Button className="mt-6" onClick={() => retry()}>
        <RotateCw aria-hidden className="size-4" />
        Try again
      </Button>
    </div>
  );
}

'use client';

import { RotateCw, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { routes } from '@/lib/routes';

/** The run could not be loaded for an unexpected reason; the cause is in the server log. */
export default function RunError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <div role="alert" className="mx-auto mt-10 flex max-w-md flex-col items-center text-center">
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-danger/25 bg-danger-soft text-danger">
        <TriangleAlert aria-hidden className="size-5" />
      </div>
      <h1 className="text-lg font-semibold tracking-tight">This run could not be shown</h1>
      <p className="mt-1.5 text-sm text-balance text-muted-foreground">
        Something went wrong while loading it — a passing problem with the server or the database. Try again.
      </p>
      {digest && (
        <p className="mt-3 text-xs text-muted-foreground">
          Reference <code className="rounded bg-muted px-1.5 py-0.5 font-mono">{digest}</code>
        </p>
      )}
      <div className="mt-6 flex items-center gap-2">
        <Button onClick={() => retry()}>
          <RotateCw aria-hidden className="size-4" />
          Try again
        </Button>
        <Link href={routes.runs()} className={buttonVariants({ variant: 'ghost' })}>
          Back to runs
        </Link>
      </div>
    </div>
  );
}

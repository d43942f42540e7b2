'use client';

import { RotateCw, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { routes } from '@/lib/routes';

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

/** An unexpected error in a dashboard page. The server's cause stays in its log; the digest links the two. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = digestOf(error);

  return (
    <div role="alert" className="mx-auto mt-10 flex max-w-md flex-col items-center text-center">
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-danger/25 bg-danger-soft text-danger">
        <TriangleAlert aria-hidden className="size-5" />
      </div>
      <h1 className="text-lg font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-1.5 text-sm text-balance text-muted-foreground">
        This page could not be loaded. It may be a passing problem with the server or the database — try again.
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
          Go to runs
        </Link>
      </div>
    </div>
  );
}

'use client';

import { RotateCw, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

export interface SegmentErrorProps {
  error: unknown;
  retry: () => void;
  title: string;
  message: string;
  back?: { href: string; label: string };
}

/** An unexpected error of a page segment. The server's cause stays in its log; the digest links the two. */
export function SegmentError({ error, retry, title, message, back }: SegmentErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = digestOf(error);
  return (
    <div role="alert" className="mx-auto mt-10 flex max-w-md flex-col items-center text-center">
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-danger/25 bg-danger-soft text-danger">
        <TriangleAlert aria-hidden className="size-5" />
      </div>
      <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
      <p className="mt-1.5 text-sm text-balance text-muted-foreground">{message}</p>
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
        {back && (
          <Link href={back.href} className={buttonVariants({ variant: 'ghost' })}>
            {back.label}
          </Link>
        )}
      </div>
    </div>
  );
}

import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Logo } from '@/components/shell/logo';
import { buttonVariants } from '@/components/ui/button';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 py-16 text-center">
      <Link href={routes.runs()} aria-label="Flowdeck home" className="mb-10 rounded-md">
        <Logo />
      </Link>
      <p className="font-mono text-sm font-medium text-primary">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-2 max-w-sm text-sm text-balance text-muted-foreground">
        The link may be mistyped, or the run, version or commit it pointed to is no longer here.
      </p>
      <Link href={routes.runs()} className={buttonVariants({ variant: 'outline', className: 'mt-8' })}>
        <ArrowLeft aria-hidden className="size-4" />
        Back to runs
      </Link>
    </main>
  );
}

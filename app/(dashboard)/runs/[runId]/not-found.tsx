import { ArrowLeft, SearchX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { routes } from '@/lib/routes';

/** An unknown or malformed run id. */
export default function RunNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Run not found"
      description="There is no run with this id. It may be mistyped, or the run may belong to another Flowdeck store."
      action={
        <Link href={routes.runs()} className={buttonVariants({ variant: 'outline' })}>
          <ArrowLeft aria-hidden className="size-4" />
          Back to runs
        </Link>
      }
      className="mt-6"
    />
  );
}

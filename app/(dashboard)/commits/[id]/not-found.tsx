import { ArrowLeft, SearchX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { routes } from '@/lib/routes';

/** An unknown or malformed commit id. */
export default function CommitNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Commit not found"
      description="There is no commit with this id in this store's history."
      action={
        <Link href={routes.commits()} className={buttonVariants({ variant: 'outline' })}>
          <ArrowLeft aria-hidden className="size-4" />
          Back to commits
        </Link>
      }
      className="mt-6"
    />
  );
}

import { ArrowLeft, SearchX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { routes } from '@/lib/routes';

/** An unknown, deleted or malformed version id. */
export default function VersionNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Version not found"
      description="There is no version with this id. It may be mistyped, or it was deleted."
      action={
        <Link href={routes.versions()} className={buttonVariants({ variant: 'outline' })}>
          <ArrowLeft aria-hidden className="size-4" />
          Back to versions
        </Link>
      }
      className="mt-6"
    />
  );
}

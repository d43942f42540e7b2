import { ArrowLeft, SearchX } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** The not-found view of an entity page: what is missing, why it may be, and the way back to its list. */
export function EntityNotFound({ title, description, back }: { title: string; description: string; back: { href: string; label: string } }) {
  return (
    <EmptyState
      icon={<SearchX />}
      title={title}
      description={description}
      action={
        <Link href={back.href} className={buttonVariants({ variant: 'outline' })}>
          <ArrowLeft aria-hidden className="size-4" />
          {back.label}
        </Link>
      }
      className="mt-6"
    />
  );
}

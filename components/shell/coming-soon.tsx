import { Check } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { routes } from '@/lib/routes';

export interface ComingSoonProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** What the finished page will show, one line each. */
  features: readonly string[];
}

/** The placeholder of a page whose real view has not landed yet. */
export function ComingSoon({ icon, title, description, features }: ComingSoonProps) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      action={
        <a href={routes.api.openapi()} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
          Browse the API
        </a>
      }
    >
      <ul className="grid gap-2 text-left sm:grid-cols-2" aria-label="Planned">
        {features.map((feature) => (
          <li key={feature} className="flex items-start gap-2 rounded-lg border bg-card px-3 py-2.5 text-sm shadow-xs">
            <Check aria-hidden className="mt-0.5 size-3.5 shrink-0 text-success" />
            <span className="text-muted-foreground">{feature}</span>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-muted-foreground">
        Tip: jump between sections with <kbd className="font-mono">g r</kbd>, <kbd className="font-mono">g v</kbd>,{' '}
        <kbd className="font-mono">g c</kbd>.{' '}
        <Link href={routes.runs()} className="sr-only">
          Runs
        </Link>
      </p>
    </EmptyState>
  );
}

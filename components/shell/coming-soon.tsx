import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';

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
    <EmptyState icon={icon} title={title} description={description} action={<Badge tone="primary">Coming soon</Badge>} className="bg-card/40">
      <ul className="grid gap-2 text-left sm:grid-cols-2" aria-label="Planned">
        {features.map((feature) => (
          <li key={feature} className="flex items-start gap-2.5 rounded-lg border bg-card px-3 py-2.5 text-sm shadow-xs">
            <Check aria-hidden className="mt-0.5 size-3.5 shrink-0 text-success" />
            <span className="text-muted-foreground">{feature}</span>
          </li>
        ))}
      </ul>
      <p className="mt-6 hidden flex-wrap items-center justify-center gap-1.5 text-xs text-muted-foreground md:flex">
        Jump between sections: <Kbd>G</Kbd> then <Kbd>R</Kbd> runs, <Kbd>V</Kbd> versions, <Kbd>C</Kbd> commits
      </p>
    </EmptyState>
  );
}

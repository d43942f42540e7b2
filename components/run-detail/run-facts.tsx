'use client';

import { ArrowLeft, ArrowRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { AppLink } from '@/components/ui/app-link';
import { Timestamp } from '@/components/ui/timestamp';
import { useNow } from '@/components/ui/use-now';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { isActive } from '@/lib/domain/run-phase';
import { elapsedMs, formatDuration } from '@/lib/domain/time-format';
import { routes } from '@/lib/routes';
import { RunLease } from './run-lease';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 max-w-full">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 truncate text-sm whitespace-nowrap">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;
const linkClass = 'font-mono text-[13px] text-primary hover:underline';

/** Times and duration (ticking while the run is active), the runner holding it, and the upgrade lineage. */
export function RunFacts({ run }: { run: RunDetail }) {
  const live = isActive(run.phase) && run.startedAt !== null && run.finishedAt === null;
  const now = useNow(1_000, { live });
  const duration = elapsedMs(run.startedAt, run.finishedAt, now);
  return (
    <dl data-testid="run-facts" className="flex flex-wrap gap-x-9 gap-y-3 rounded-xl border bg-card px-5 py-4 shadow-xs">
      <Fact label="Created">
        <Timestamp iso={run.createdAt} />
      </Fact>
      <Fact label="Started">{run.startedAt ? <Timestamp iso={run.startedAt} /> : none}</Fact>
      <Fact label="Finished">{run.finishedAt ? <Timestamp iso={run.finishedAt} /> : none}</Fact>
      <Fact label={live ? 'Running for' : 'Duration'}>
        <span data-testid="run-duration" suppressHydrationWarning className="tabular-nums">
          {duration === null ? none : formatDuration(duration)}
        </span>
      </Fact>
      <RunLease run={run} />
      {(run.upgradedFrom || run.upgradedTo) && (
        <div className="flex basis-full flex-wrap items-center gap-x-6 gap-y-1 border-t pt-3 text-sm" data-testid="run-lineage">
          {run.upgradedFrom && (
            <span className="flex items-center gap-1.5">
              <ArrowLeft aria-hidden className="size-3.5 text-muted-foreground" />
              <span className="text-muted-foreground">Upgraded from</span>
              <AppLink href={routes.run(run.upgradedFrom)} className={linkClass}>
                {run.upgradedFrom}
              </AppLink>
            </span>
          )}
          {run.upgradedTo && (
            <span className="flex items-center gap-1.5">
              <ArrowRight aria-hidden className="size-3.5 text-muted-foreground" />
              <span className="text-muted-foreground">Upgraded to</span>
              <AppLink href={routes.run(run.upgradedTo)} className={linkClass}>
                {run.upgradedTo}
              </AppLink>
            </span>
          )}
          {run.upgradeStrategy && <span className="text-muted-foreground">strategy {run.upgradeStrategy}</span>}
        </div>
      )}
    </dl>
  );
}

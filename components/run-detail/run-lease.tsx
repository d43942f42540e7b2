'use client';

import { useHydrated } from '@/components/ui/use-hydrated';
import { useNow } from '@/components/ui/use-now';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { isActive } from '@/lib/domain/run-phase';
import { leaseStatus } from '@/lib/domain/runner-lease';
import { formatRelative, formatTimestamp } from '@/lib/domain/time-format';

/**
 * Which runner holds an active run, and until when; or that its lease expired (the next claim takes the
 * run over). Shown only after hydration: whether a lease of seconds is still held depends on the clock.
 */
export function RunLease({ run }: { run: RunDetail }) {
  const hydrated = useHydrated();
  const now = useNow(1_000, { live: isActive(run.phase) && run.leaseOwner !== null });
  const lease = hydrated ? leaseStatus(run, new Date(now)) : null;
  if (!lease) return null;
  return (
    <div className="min-w-0 max-w-full" data-testid="run-lease" data-state={lease.kind}>
      <dt className="text-xs text-muted-foreground">Runner</dt>
      <dd className="mt-0.5 truncate text-sm whitespace-nowrap">
        <span className="font-mono text-[13px]" data-testid="run-lease-owner">
          {lease.owner}
        </span>{' '}
        {lease.kind === 'held' ? (
          lease.indefinite ? (
            <span className="text-muted-foreground">· no expiry</span>
          ) : (
            <span className="text-muted-foreground" title={`Lease until ${formatTimestamp(lease.until)}, renewed by the runner's heartbeats`}>
              · lease ends {formatRelative(lease.until, now)}
            </span>
          )
        ) : (
          <span className="text-warning" title={`Lease expired at ${formatTimestamp(lease.since)}: the next runner to claim takes the run over`}>
            · lease expired {formatRelative(lease.since, now)}
          </span>
        )}
      </dd>
    </div>
  );
}

import type { RunRow } from '@/lib/db/schema';
import { holdsLease } from '@/lib/domain/runner-lease';
import { AppError } from '@/lib/errors';

/** An engine write made under a runner's lease (lib/contract/runner.ts). */
export interface LeaseClaim {
  runnerId: string;
}

/**
 * Refuses a write made under a lease the runner no longer holds (409 `lease_lost`). Call it on the run
 * row locked `for update` in the write's own transaction, so no claim can slip in between.
 */
export function assertLease(run: RunRow, lease: LeaseClaim | undefined, now: Date): void {
  if (!lease) return;
  const view = { leaseOwner: run.leaseOwner, leaseExpiresAt: run.leaseExpiresAt?.toISOString() ?? null };
  if (holdsLease(view, now, lease.runnerId)) return;
  throw new AppError('lease_lost', `runner ${lease.runnerId} does not hold the lease on run ${run.id}: stop working on it`, {
    runId: run.id,
    runnerId: lease.runnerId,
  });
}

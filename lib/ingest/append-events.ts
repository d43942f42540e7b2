import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { runs } from '@/lib/db/schema';
import type { RunEvent } from '@/lib/domain/run-machine';
import { notFound } from '@/lib/errors';
import { applyRunEvents } from './apply-run-events';
import { assertLease, type LeaseClaim } from './lease-check';

export interface AppendResult {
  runId: string;
  appended: number;
  lastSeq: number;
  phase: string;
  result: string;
}

/**
 * Appends a batch of engine events to a run. Every event is checked by the run state machine against the
 * state the previous ones left; one impossible transition rejects the whole batch and changes nothing.
 * With `lease`, the batch is refused (409 lease_lost) unless that runner holds an unexpired lease on the
 * run, checked under the run's row lock in the same transaction.
 */
export async function appendEvents(db: Db, runId: string, batch: RunEvent[], now = new Date(), lease?: LeaseClaim): Promise<AppendResult> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
    if (!run) throw notFound('run', runId);
    assertLease(run, lease, now);
    const after = await applyRunEvents(tx, run, batch, now);
    return { runId, appended: batch.length, lastSeq: after.lastSeq, phase: after.phase, result: after.result };
  });
}

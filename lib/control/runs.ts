import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { type CommitChange, type RunRow, runs } from '@/lib/db/schema';
import { commitChange } from '@/lib/db/writes/commit';
import { requestEngineAction } from '@/lib/db/writes/engine-actions';
import { runSnapshot } from '@/lib/db/writes/snapshots';
import type { RunEvent } from '@/lib/domain/run-machine';
import { ENGINE_LIMITS, isEngineSource } from '@/lib/domain/run-source';
import { AppError, notFound } from '@/lib/errors';
import { applyRunEvents } from '@/lib/ingest/apply-run-events';
import { expectVersion } from './occ';

export interface RunActionInput {
  runId: string;
  expectedVersion: number;
  reason?: string;
}

export async function lockRun(tx: Tx, runId: string, expected?: number): Promise<RunRow> {
  const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
  if (!run) throw notFound('run', runId);
  if (expected !== undefined) expectVersion('run', runId, expected, run.rowVersion);
  return run;
}

export const runChange = (before: RunRow | null, after: RunRow) => ({
  entity: 'run' as const,
  id: after.id,
  before: before ? runSnapshot(before) : null,
  after: runSnapshot(after),
});

async function operate(db: Db, actor: string, action: string, input: RunActionInput, event: (at: string) => RunEvent) {
  return commitChange(db, async (tx) => {
    const run = await lockRun(tx, input.runId, input.expectedVersion);
    const effects: CommitChange[] = [];
    const after = await applyRunEvents(tx, run, [event(new Date().toISOString())], new Date(), effects);
    return { result: after, commit: { actor, action, reason: input.reason ?? null, changes: [runChange(run, after), ...effects] } };
  });
}

/** Pause and resume exist only where Flowdeck moves the run itself. */
function refuseOnEngine(run: RunRow, what: 'pause' | 'resume'): void {
  if (isEngineSource(run.source)) throw new AppError('not_supported_by_engine', ENGINE_LIMITS[what], { runId: run.id, source: run.source });
}

/**
 * Cancels a run. A run of an engine Flowdeck does not run is cancelled by that engine: the request is handed
 * to its connector (one commit), and the run shows as cancelled once the engine has done it.
 */
export async function cancelRun(db: Db, actor: string, input: RunActionInput) {
  const [run] = await db.select({ source: runs.source }).from(runs).where(eq(runs.id, input.runId));
  if (run && isEngineSource(run.source)) {
    return db.transaction(async (tx) => {
      const locked = await lockRun(tx, input.runId, input.expectedVersion);
      await requestEngineAction(tx, actor, locked, 'cancel', {}, { action: 'run.cancel.request', reason: input.reason ?? null });
      return { result: locked, commit: null };
    });
  }
  return operate(db, actor, 'run.cancel', input, (at) => ({ type: 'run_cancelled', at, reason: input.reason ?? `cancelled by ${actor}` }));
}

export async function pauseRun(db: Db, actor: string, input: RunActionInput) {
  const [run] = await db.select().from(runs).where(eq(runs.id, input.runId));
  if (run) refuseOnEngine(run, 'pause');
  return operate(db, actor, 'run.pause', input, (at) => ({ type: 'run_paused', at, reason: input.reason ?? `paused by ${actor}` }));
}

/**
 * Resumes a paused run. A run paused by an upgrade whose successor never started comes back: a successor
 * still queued is cancelled and the link cleared; one that already started makes this a conflict.
 */
export async function resumeRun(db: Db, actor: string, input: RunActionInput) {
  return commitChange(db, async (tx) => {
    const run = await lockRun(tx, input.runId, input.expectedVersion);
    refuseOnEngine(run, 'resume');
    const changes: CommitChange[] = [];
    const effects: CommitChange[] = [];
    let current = run;
    if (run.upgradedTo) {
      const successor = await lockRun(tx, run.upgradedTo);
      if (successor.phase === 'running' || successor.phase === 'paused' || successor.phase === 'finished') {
        throw new AppError('conflict', `run ${run.id} was upgraded to ${successor.id}, which has started: resume that one instead`, {
          entity: 'run',
          id: run.id,
        });
      }
      if (successor.phase === 'queued') {
        const cancelled = await applyRunEvents(
          tx,
          successor,
          [{ type: 'run_cancelled', at: new Date().toISOString(), reason: `upgrade abandoned: ${run.id} resumed` }],
          new Date(),
          effects,
        );
        changes.push(runChange(successor, cancelled));
      }
      [current] = (await tx.update(runs).set({ upgradedTo: null, upgradeStrategy: null }).where(eq(runs.id, run.id)).returning()) as [RunRow];
    }
    const after = await applyRunEvents(tx, current, [{ type: 'run_resumed', at: new Date().toISOString() }]);
    changes.push(runChange(run, after));
    return { result: after, commit: { actor, action: 'run.resume', reason: input.reason ?? null, changes: [...changes, ...effects] } };
  });
}

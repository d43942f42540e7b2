import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { type CommitChange, nodes, type RunRow, runs, stagedArtifacts } from '@/lib/db/schema';
import { failureReason, stepsOf } from '@/lib/domain/failure-reason';
import { applyEvents, type NodeSnapshot, type RunEvent, type RunState, TransitionError } from '@/lib/domain/run-machine';
import { ACTIVE_PHASES, isActive } from '@/lib/domain/run-phase';
import { AppError } from '@/lib/errors';
import { moveRunCount } from './run-counts';
import { sunsetIfDrained } from './sunset-if-drained';
import { insertEventsSql, updateNodesSql } from './write-batch';

const date = (s: string | null) => (s ? new Date(s) : null);

/** The node columns the state machine reads. */
const nodeState = {
  nodeId: nodes.nodeId,
  status: nodes.status,
  attempt: nodes.attempt,
  startedAt: nodes.startedAt,
  finishedAt: nodes.finishedAt,
  output: nodes.output,
  error: nodes.error,
  stagedManifests: nodes.stagedManifests,
};
type NodeStateRow = { [K in keyof typeof nodeState]: (typeof nodes.$inferSelect)[K] };

/** The state machine's view of a run row and its node rows. */
export function runStateOf(run: RunRow, nodeRows: NodeStateRow[]): RunState {
  return {
    run: {
      phase: run.phase,
      result: run.result,
      waiting: run.waiting ?? null,
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      output: run.output ?? null,
      error: run.error ?? null,
    },
    nodes: Object.fromEntries(
      nodeRows.map((n): [string, NodeSnapshot] => [
        n.nodeId,
        {
          status: n.status,
          attempt: n.attempt,
          startedAt: n.startedAt?.toISOString() ?? null,
          finishedAt: n.finishedAt?.toISOString() ?? null,
          output: n.output ?? null,
          error: n.error ?? null,
          stagedManifests: n.stagedManifests,
        },
      ]),
    ),
  };
}

/**
 * Applies events to a locked run inside the caller's transaction, by the run state machine: nodes, run,
 * event log, artifact stagings and counters. Consequences follow in the same transaction: a run that an
 * upgrade replaced is cancelled once its successor starts, and a draining version whose last active run
 * ended becomes sunset. A control operation passes `effects` to record such consequences in its own
 * commit; without it (engine ingest) they get a commit of their own. Returns the run row after the change.
 */
export async function applyRunEvents(tx: Tx, run: RunRow, batch: RunEvent[], now = new Date(), effects?: CommitChange[]): Promise<RunRow> {
  const nodeRows = await tx.select(nodeState).from(nodes).where(eq(nodes.runId, run.id));
  const before = runStateOf(run, nodeRows);
  let after: RunState;
  try {
    after = applyEvents(before, batch);
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('invalid_transition', err.message, { runId: run.id });
    throw err;
  }
  // The changed nodes, the events and the stagings are written by CTEs of the run's update: one statement.
  const changed = Object.entries(after.nodes).filter(([nodeId, node]) => before.nodes[nodeId] !== node);
  const nodeWrites = updateNodesSql(run.id, changed);
  // One row per (node, producer), the batch's last staging winning, as if its events were applied one by one.
  const stagings = batch.flatMap((e) =>
    e.type === 'node_started' && e.staged
      ? Object.entries(e.staged).map(([producerId, digest]) => ({ runId: run.id, nodeId: e.nodeId, producerId, digest }))
      : [],
  );
  const staged = [...new Map(stagings.map((s) => [`${s.nodeId}\u0000${s.producerId}`, s])).values()];
  const writes = [
    ...(nodeWrites ? [tx.$with('node_writes', {}).as(nodeWrites)] : []),
    tx.$with('event_writes', {}).as(insertEventsSql(run.id, run.lastSeq + 1, batch)),
    ...(staged.length > 0
      ? [
          tx.$with('staged_writes', {}).as(
            tx
              .insert(stagedArtifacts)
              .values(staged)
              .onConflictDoUpdate({
                target: [stagedArtifacts.runId, stagedArtifacts.nodeId, stagedArtifacts.producerId],
                set: { digest: sql`excluded.digest` },
              })
              .getSQL(),
          ),
        ]
      : []),
  ];
  const [updated] = await tx
    .with(...writes)
    .update(runs)
    .set({
      phase: after.run.phase,
      result: after.run.result,
      waiting: after.run.waiting,
      startedAt: date(after.run.startedAt),
      finishedAt: date(after.run.finishedAt),
      output: after.run.output,
      error: after.run.error,
      // Set once, when the run finishes failed: the runs list reads it without a join.
      failureReason: failureReason({ ...after.run, setupErrors: run.setupErrors }, stepsOf(after.nodes)) ?? run.failureReason,
      lastSeq: run.lastSeq + batch.length,
      updatedAt: now,
      rowVersion: run.rowVersion + 1,
    })
    .where(eq(runs.id, run.id))
    .returning();
  if (run.upgradedFrom && run.phase === 'queued' && after.run.phase === 'running') await retirePredecessor(tx, run, now, effects);
  if (isActive(run.phase) && !isActive(after.run.phase)) await sunsetIfDrained(tx, run.versionId, now, effects);
  // Last: every run of the version shares these counter rows, so their locks are held only from here to the
  // commit, and taken after the version row's lock, in the same order as createRun.
  await moveRunCount(
    tx,
    { versionId: run.versionId, phase: run.phase, result: run.result },
    { versionId: run.versionId, phase: after.run.phase, result: after.run.result },
  );
  return updated as RunRow;
}

/** The old run of an upgrade stays paused until its successor starts; then it is cancelled (stopped). */
async function retirePredecessor(tx: Tx, successor: RunRow, now: Date, effects?: CommitChange[]): Promise<void> {
  const [old] = await tx
    .select()
    .from(runs)
    .where(
      and(eq(runs.id, successor.upgradedFrom as string), eq(runs.upgradedTo, successor.id), inArray(runs.phase, [...ACTIVE_PHASES]), ne(runs.id, successor.id)),
    )
    .for('update');
  if (!old) return;
  await applyRunEvents(tx, old, [{ type: 'run_cancelled', at: now.toISOString(), reason: `upgraded to ${successor.id}` }], now, effects);
}

import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { type CommitChange, events, nodes, type RunRow, runs, stagedArtifacts } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { applyEvents, type NodeSnapshot, type RunEvent, type RunState, TransitionError } from '@/lib/domain/run-machine';
import { ACTIVE_PHASES, isActive } from '@/lib/domain/run-phase';
import { moveRunCount } from './run-counts';
import { sunsetIfDrained } from './sunset-if-drained';

const date = (s: string | null) => (s ? new Date(s) : null);

function eventData(event: RunEvent): Record<string, unknown> {
  const { type: _type, at: _at, ...rest } = event;
  if ('nodeId' in rest) {
    const { nodeId: _nodeId, ...data } = rest;
    return data;
  }
  return rest;
}

/** The state machine's view of a run row and its node rows. */
export function runStateOf(run: RunRow, nodeRows: (typeof nodes.$inferSelect)[]): RunState {
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
  const nodeRows = await tx.select().from(nodes).where(eq(nodes.runId, run.id));
  const before = runStateOf(run, nodeRows);
  let after: RunState;
  try {
    after = applyEvents(before, batch);
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('invalid_transition', err.message, { runId: run.id });
    throw err;
  }
  for (const [nodeId, node] of Object.entries(after.nodes)) {
    if (before.nodes[nodeId] === node) continue;
    await tx
      .update(nodes)
      .set({
        status: node.status,
        attempt: node.attempt,
        startedAt: date(node.startedAt),
        finishedAt: date(node.finishedAt),
        output: node.output,
        error: node.error,
        stagedManifests: node.stagedManifests,
      })
      .where(and(eq(nodes.runId, run.id), eq(nodes.nodeId, nodeId)));
  }
  const [updated] = await tx
    .update(runs)
    .set({
      phase: after.run.phase,
      result: after.run.result,
      waiting: after.run.waiting,
      startedAt: date(after.run.startedAt),
      finishedAt: date(after.run.finishedAt),
      output: after.run.output,
      error: after.run.error,
      lastSeq: run.lastSeq + batch.length,
      updatedAt: now,
      rowVersion: run.rowVersion + 1,
    })
    .where(eq(runs.id, run.id))
    .returning();
  await tx.insert(events).values(
    batch.map((e, i) => ({
      runId: run.id,
      seq: run.lastSeq + i + 1,
      type: e.type,
      nodeId: 'nodeId' in e ? e.nodeId : null,
      at: new Date(e.at),
      data: eventData(e),
    })),
  );
  const staged = batch.flatMap((e) =>
    e.type === 'node_started' && e.staged
      ? Object.entries(e.staged).map(([producerId, digest]) => ({ runId: run.id, nodeId: e.nodeId, producerId, digest }))
      : [],
  );
  if (staged.length > 0) {
    await tx
      .insert(stagedArtifacts)
      .values(staged)
      .onConflictDoUpdate({ target: [stagedArtifacts.runId, stagedArtifacts.nodeId, stagedArtifacts.producerId], set: { digest: sql`excluded.digest` } });
  }
  await moveRunCount(
    tx,
    { versionId: run.versionId, phase: run.phase, result: run.result },
    { versionId: run.versionId, phase: after.run.phase, result: after.run.result },
  );
  if (run.upgradedFrom && run.phase === 'queued' && after.run.phase === 'running') await retirePredecessor(tx, run, now, effects);
  if (isActive(run.phase) && !isActive(after.run.phase)) await sunsetIfDrained(tx, run.versionId, now, effects);
  return updated as RunRow;
}

/** The old run of an upgrade stays paused until its successor starts; then it is cancelled (stopped). */
async function retirePredecessor(tx: Tx, successor: RunRow, now: Date, effects?: CommitChange[]): Promise<void> {
  const [old] = await tx
    .select()
    .from(runs)
    .where(and(eq(runs.id, successor.upgradedFrom as string), eq(runs.upgradedTo, successor.id), inArray(runs.phase, [...ACTIVE_PHASES]), ne(runs.id, successor.id)))
    .for('update');
  if (!old) return;
  await applyRunEvents(tx, old, [{ type: 'run_cancelled', at: now.toISOString(), reason: `upgraded to ${successor.id}` }], now, effects);
}

import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { events, nodes, runs, stagedArtifacts } from '@/lib/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { applyEvents, type NodeSnapshot, type RunEvent, type RunState, TransitionError } from '@/lib/domain/run-machine';
import { moveRunCount } from './run-counts';

export interface AppendResult {
  runId: string;
  appended: number;
  lastSeq: number;
  phase: string;
  result: string;
}

function eventData(event: RunEvent): Record<string, unknown> {
  const { type: _type, at: _at, ...rest } = event;
  if ('nodeId' in rest) {
    const { nodeId: _nodeId, ...data } = rest;
    return data;
  }
  return rest;
}

/**
 * Appends a batch of engine events to a run. Every event is checked by the run state machine against the
 * state the previous ones left; one impossible transition rejects the whole batch and changes nothing.
 */
export async function appendEvents(db: Db, runId: string, batch: RunEvent[], now = new Date()): Promise<AppendResult> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for('update');
    if (!run) throw notFound('run', runId);
    const nodeRows = await tx.select().from(nodes).where(eq(nodes.runId, runId));
    const before: RunState = {
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
    let after: RunState;
    try {
      after = applyEvents(before, batch);
    } catch (err) {
      if (err instanceof TransitionError) throw new AppError('invalid_transition', err.message, { runId });
      throw err;
    }
    const date = (s: string | null) => (s ? new Date(s) : null);
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
        .where(sql`${nodes.runId} = ${runId} and ${nodes.nodeId} = ${nodeId}`);
    }
    const lastSeq = run.lastSeq + batch.length;
    await tx
      .update(runs)
      .set({
        phase: after.run.phase,
        result: after.run.result,
        waiting: after.run.waiting,
        startedAt: date(after.run.startedAt),
        finishedAt: date(after.run.finishedAt),
        output: after.run.output,
        error: after.run.error,
        lastSeq,
        updatedAt: now,
        rowVersion: run.rowVersion + 1,
      })
      .where(eq(runs.id, runId));
    await tx.insert(events).values(
      batch.map((e, i) => ({
        runId,
        seq: run.lastSeq + i + 1,
        type: e.type,
        nodeId: 'nodeId' in e ? e.nodeId : null,
        at: new Date(e.at),
        data: eventData(e),
      })),
    );
    const staged = batch.flatMap((e) =>
      e.type === 'node_started' && e.staged
        ? Object.entries(e.staged).map(([producerId, digest]) => ({ runId, nodeId: e.nodeId, producerId, digest }))
        : [],
    );
    if (staged.length > 0) {
      await tx
        .insert(stagedArtifacts)
        .values(staged)
        .onConflictDoUpdate({
          target: [stagedArtifacts.runId, stagedArtifacts.nodeId, stagedArtifacts.producerId],
          set: { digest: sql`excluded.digest` },
        });
    }
    await moveRunCount(
      tx,
      { versionId: run.versionId, phase: run.phase, result: run.result },
      { versionId: run.versionId, phase: after.run.phase, result: after.run.result },
    );
    return { runId, appended: batch.length, lastSeq, phase: after.run.phase, result: after.run.result };
  });
}

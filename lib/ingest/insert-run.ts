import type { Tx } from '@/lib/db/client';
import { events, nodes, type RunRow, runs, stagedArtifacts, type VersionRow } from '@/lib/db/schema';
import { failureReason } from '@/lib/domain/failure-reason';
import { newId } from '@/lib/domain/ids';
import { normalizedNeeds, stepAction, stepSignature } from '@/lib/domain/manifest';
import { ownValue } from '@/lib/domain/own';
import { addRunCount } from './run-counts';

export type NodeInsert = typeof nodes.$inferInsert;

/** A fresh (pending) node for every step of a version's workflow. */
export function workflowNodes(runId: string, version: VersionRow, workflow: string): NodeInsert[] {
  const signatures = ownValue(version.signatures, workflow) ?? {};
  return (ownValue(version.manifest.workflows, workflow)?.steps ?? []).map((step) => ({
    runId,
    nodeId: step.id,
    action: stepAction(step),
    signature: ownValue(signatures, step.id) ?? stepSignature(step),
    needs: normalizedNeeds(step),
  }));
}

/** What a new run is made of; every other column starts where every new run starts. */
export type NewRun = Pick<
  typeof runs.$inferInsert,
  'workflow' | 'versionId' | 'groupPath' | 'input' | 'setupErrors' | 'waiting' | 'upgradedFrom' | 'upgradeStrategy'
> & {
  phase: 'queued' | 'setuperror';
};

export interface NewRunParts {
  /** The run's nodes, given its new id (none by default). */
  nodes?: (runId: string) => NodeInsert[];
  /** More of the `run_created` event's data, beside `phase` and `versionId`. */
  created?: Record<string, unknown>;
}

/**
 * Writes a new run in the caller's transaction: the run row under a new id (result unknown, created now,
 * one event so far), its nodes with the manifests they staged (a node carried over from another run keeps
 * them), its `run_created` event and its place in the maintained run counts.
 */
export async function insertRun(tx: Tx, run: NewRun, parts: NewRunParts, now: Date): Promise<RunRow> {
  const id = newId('run', now.getTime());
  const [row] = await tx
    .insert(runs)
    .values({
      ...run,
      id,
      result: 'unknown',
      createdAt: now,
      updatedAt: now,
      lastSeq: 1,
      failureReason: failureReason({ phase: run.phase, result: 'unknown', error: null, setupErrors: run.setupErrors ?? null }, []),
    })
    .returning();
  const nodeRows = parts.nodes?.(id) ?? [];
  if (nodeRows.length > 0) await tx.insert(nodes).values(nodeRows);
  const stagings = nodeRows.flatMap((n) =>
    Object.entries(n.stagedManifests ?? {}).map(([producerId, digest]) => ({ runId: id, nodeId: n.nodeId, producerId, digest })),
  );
  if (stagings.length > 0) await tx.insert(stagedArtifacts).values(stagings);
  await tx.insert(events).values({ runId: id, seq: 1, type: 'run_created', at: now, data: { phase: run.phase, versionId: run.versionId, ...parts.created } });
  await addRunCount(tx, { versionId: run.versionId, phase: run.phase, result: 'unknown' }, 1);
  return row as RunRow;
}

import { and, eq } from 'drizzle-orm';
import type { RunFailure } from '@/lib/contract/logs';
import type { Db } from '@/lib/db/client';
import { nodes, type RunRow } from '@/lib/db/schema';
import { failingStep, runFailure } from '@/lib/domain/failure-reason';
import type { NodeStatus } from '@/lib/domain/node-status';
import { getLogTarget, readLogLines } from './logs';

/** Lines of the failing step's log the run header shows. */
export const FAILURE_LOG_LINES = 20;

/**
 * Why a run failed, for its header: the failing step (the first failed node by finish time), its error
 * as one readable message and the last lines of its latest attempt's log; for a setuperror run its setup
 * errors. Null for a run that did not fail.
 */
export async function getRunFailure(
  db: Db,
  run: RunRow,
  steps: readonly { nodeId: string; status: NodeStatus; finishedAt: Date | null }[],
): Promise<RunFailure | null> {
  const facts = { ...run, error: run.error ?? null };
  const step = failingStep(steps.map((s) => ({ ...s, finishedAt: s.finishedAt?.toISOString() ?? null, error: null })));
  if (!step) {
    const failure = runFailure(facts, []);
    return failure && { ...failure, lastLines: [] };
  }
  // Only the failing step's error is read: the run page's summaries leave every node's payloads out.
  const [node] = await db
    .select({ error: nodes.error })
    .from(nodes)
    .where(and(eq(nodes.runId, run.id), eq(nodes.nodeId, step.nodeId)));
  const failure = runFailure(facts, [{ ...step, error: node?.error ?? null }]);
  if (!failure) return null;
  const target = await getLogTarget(db, run.id, step.nodeId);
  const stored = target.state?.lines ?? 0;
  const from = Math.max(0, stored - FAILURE_LOG_LINES);
  const lastLines = stored > 0 ? await readLogLines(db, run.id, step.nodeId, target.attempt, from, FAILURE_LOG_LINES) : [];
  return { ...failure, lastLines };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { toEngineActionDto } from '@/lib/db/queries/engine-actions';
import { type CommitChange, type EngineActionRow, engineActions, type RunRow } from '@/lib/db/schema';
import { newId } from '@/lib/domain/ids';
import { isActive } from '@/lib/domain/run-phase';
import { type EngineActionKind, type EngineSource, isEngineSource } from '@/lib/domain/run-source';
import { AppError } from '@/lib/errors';
import { appendCommit } from './commit';

export const actionChange = (before: EngineActionRow | null, after: EngineActionRow): CommitChange => ({
  entity: 'action',
  id: after.id,
  before: before ? toEngineActionDto(before) : null,
  after: toEngineActionDto(after),
});

/** A run of an engine Flowdeck does not run: its source, narrowed. */
export function engineSourceOf(run: RunRow): EngineSource | null {
  return isEngineSource(run.source) ? run.source : null;
}

/**
 * Records an operator action on an engine's run for its connector to carry out, in the caller's transaction
 * with its commit. One open action of a kind per run: asking again while one is pending is a conflict.
 */
export async function requestEngineAction(
  tx: Tx,
  actor: string,
  run: RunRow,
  kind: EngineActionKind,
  payload: Record<string, unknown>,
  commit: { action: string; reason?: string | null },
  now = new Date(),
): Promise<EngineActionRow> {
  const source = engineSourceOf(run);
  if (!source) throw new Error(`run ${run.id} is not an engine's run`);
  if (!isActive(run.phase)) throw new AppError('conflict', `run ${run.id} is ${run.phase}: there is nothing to ask its engine`, { entity: 'run', id: run.id });
  const [open] = await tx
    .select({ id: engineActions.id })
    .from(engineActions)
    .where(and(eq(engineActions.runId, run.id), eq(engineActions.kind, kind), inArray(engineActions.status, ['pending', 'claimed'])));
  if (open)
    throw new AppError('conflict', `run ${run.id} already has a ${kind.replace('_', ' ')} waiting for its engine (${open.id})`, {
      entity: 'action',
      id: open.id,
    });
  const [row] = await tx
    .insert(engineActions)
    .values({ id: newId('act', now.getTime()), source, runId: run.id, kind, payload, actor, createdAt: now, updatedAt: now })
    .returning();
  await appendCommit(tx, { actor, action: commit.action, reason: commit.reason ?? null, changes: [actionChange(null, row as EngineActionRow)] }, now);
  return row as EngineActionRow;
}

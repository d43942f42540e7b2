import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { EngineActionDto } from '@/lib/contract/engine-actions';
import type { ClaimedAction } from '@/lib/contract/engine-import';
import type { Db } from '@/lib/db/client';
import { toEngineActionDto } from '@/lib/db/queries/engine-actions';
import { type CommitChange, type EngineActionRow, engineActions, type RunRow, runs } from '@/lib/db/schema';
import { appendCommit } from '@/lib/db/writes/commit';
import { actionChange } from '@/lib/db/writes/engine-actions';
import type { EngineSource } from '@/lib/domain/run-source';
import { AppError, notFound } from '@/lib/errors';
import { runChange } from './runs';

/** How long a connector holds a claimed action before another may take it over. */
export const ACTION_LEASE_MS = 60_000;

/**
 * Leases up to `max` open actions of a source to a connector, oldest first: pending ones, and claimed ones
 * whose connector's lease ran out (it died or lost its connection). SKIP LOCKED keeps two connectors apart.
 */
export async function claimActions(db: Db, source: EngineSource, connectorId: string, max: number, now = new Date()): Promise<ClaimedAction[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ action: engineActions, externalId: runs.externalId })
      .from(engineActions)
      .innerJoin(runs, eq(runs.id, engineActions.runId))
      .where(
        and(
          eq(engineActions.source, source),
          or(eq(engineActions.status, 'pending'), and(eq(engineActions.status, 'claimed'), lte(engineActions.leaseExpiresAt, now))),
        ),
      )
      .orderBy(asc(engineActions.createdAt))
      .limit(max)
      .for('update', { of: engineActions, skipLocked: true });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.action.id);
    await tx
      .update(engineActions)
      .set({
        status: 'claimed',
        claimedBy: connectorId,
        leaseExpiresAt: new Date(now.getTime() + ACTION_LEASE_MS),
        attempts: sql`${engineActions.attempts} + 1`,
        updatedAt: now,
      })
      .where(inArray(engineActions.id, ids));
    return rows.map(({ action, externalId }) => ({
      id: action.id,
      kind: action.kind,
      runId: action.runId,
      externalRunId: externalId ?? '',
      payload: action.payload,
      attempts: action.attempts + 1,
    }));
  });
}

export interface CompleteActionInput {
  source: EngineSource;
  actionId: string;
  connectorId: string;
  ok: boolean;
  error?: string;
  newExternalId?: string;
}

/**
 * The connector's report on an action it carried out, with its commit. A restart links the old run to the
 * new one the engine started (the connector imports the new run first); the engine's own state of both runs
 * arrives with the connector's imports. Only the connector holding the action may report it.
 */
export async function completeAction(db: Db, actor: string, input: CompleteActionInput, now = new Date()): Promise<EngineActionDto> {
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(engineActions)
      .where(and(eq(engineActions.id, input.actionId), eq(engineActions.source, input.source)))
      .for('update');
    if (!action) throw notFound('action', input.actionId);
    if (action.status !== 'claimed' || action.claimedBy !== input.connectorId) {
      throw new AppError(
        'lease_lost',
        `action ${action.id} is ${action.status}${action.claimedBy ? ` (held by ${action.claimedBy})` : ''}, not held by ${input.connectorId}`,
        {
          actionId: action.id,
        },
      );
    }
    const changes: CommitChange[] = [];
    let resultRunId: string | null = null;
    if (input.ok && action.kind === 'restart' && input.newExternalId) {
      const [fresh] = await tx
        .select()
        .from(runs)
        .where(and(eq(runs.source, input.source), eq(runs.externalId, input.newExternalId)))
        .for('update');
      if (!fresh) throw new AppError('invalid_input', `import run ${input.newExternalId} before reporting the restart that started it`);
      const [old] = await tx.select().from(runs).where(eq(runs.id, action.runId)).for('update');
      if (old) {
        const [linkedOld] = await tx
          .update(runs)
          .set({ upgradedTo: fresh.id, upgradeStrategy: 'restart', rowVersion: old.rowVersion + 1, updatedAt: now })
          .where(eq(runs.id, old.id))
          .returning();
        const [linkedNew] = await tx
          .update(runs)
          .set({ upgradedFrom: old.id, upgradeStrategy: 'restart', rowVersion: fresh.rowVersion + 1, updatedAt: now })
          .where(eq(runs.id, fresh.id))
          .returning();
        changes.push(runChange(old, linkedOld as RunRow), runChange(fresh, linkedNew as RunRow));
      }
      resultRunId = fresh.id;
    }
    const [after] = await tx
      .update(engineActions)
      .set({
        status: input.ok ? 'done' : 'failed',
        error: input.ok ? null : (input.error ?? 'the engine refused the action'),
        resultRunId,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(engineActions.id, action.id))
      .returning();
    changes.unshift(actionChange(action, after as EngineActionRow));
    await appendCommit(tx, { actor, action: input.ok ? 'action.complete' : 'action.fail', reason: input.ok ? null : (input.error ?? null), changes }, now);
    return toEngineActionDto(after as EngineActionRow);
  });
}

import { desc, eq } from 'drizzle-orm';
import type { EngineActionDto } from '@/lib/contract/engine-actions';
import type { Db } from '@/lib/db/client';
import { type EngineActionRow, engineActions } from '@/lib/db/schema';

export const toEngineActionDto = (a: EngineActionRow): EngineActionDto => ({
  id: a.id,
  kind: a.kind,
  status: a.status,
  actor: a.actor,
  payload: a.payload,
  attempts: a.attempts,
  claimedBy: a.claimedBy,
  error: a.error,
  resultRunId: a.resultRunId,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** The actions of a run, newest first (its page shows the open and the failed ones). */
export async function listRunActions(db: Db, runId: string, limit = 20): Promise<EngineActionDto[]> {
  const rows = await db.select().from(engineActions).where(eq(engineActions.runId, runId)).orderBy(desc(engineActions.createdAt)).limit(limit);
  return rows.map(toEngineActionDto);
}

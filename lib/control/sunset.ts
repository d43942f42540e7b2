import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type CommitChange, runs } from '@/lib/db/schema';
import { commitChange } from '@/lib/db/writes/commit';
import { drainReport } from '@/lib/domain/drain';
import { ACTIVE_PHASES } from '@/lib/domain/run-phase';
import { AppError } from '@/lib/errors';
import { lockVersion, saveVersion, versionChange } from './versions';

export type SunsetMode = 'safe' | 'drain' | 'force';

export interface SunsetInput {
  id: string;
  expectedVersion: number;
  mode: SunsetMode;
  reason?: string;
}

/**
 * Retires a version without stranding runs: `safe` only when nothing is active (else 409 with the
 * breakdown); `drain` stops new runs and sunsets when the last active run ends (now, if none); `force`
 * sunsets at once with a written reason and flags the runs it strands.
 */
export async function sunsetVersion(db: Db, actor: string, input: SunsetInput, now = new Date()) {
  if (input.mode === 'force' && !input.reason?.trim()) {
    throw new AppError('invalid_input', 'a forced sunset needs a written reason', { fields: { reason: ['required for force'] } });
  }
  return commitChange(db, async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.isCurrent) {
      throw new AppError('conflict', 'the current version cannot be sunset: set another version current first', { entity: 'version', id: row.id });
    }
    if (row.status === 'sunset') return { result: row, commit: null };
    const active = await tx
      .select({ id: runs.id, phase: runs.phase, waiting: runs.waiting, rowVersion: runs.rowVersion, stranded: runs.stranded })
      .from(runs)
      .where(and(eq(runs.versionId, row.id), inArray(runs.phase, [...ACTIVE_PHASES])))
      .orderBy(runs.id)
      .for('update');
    if (input.mode === 'safe' && active.length > 0) {
      const report = drainReport(
        row.id,
        [...active].reverse().map((r) => ({ ...r, waiting: r.waiting ?? null })),
      );
      throw new AppError('version_has_active_runs', `version ${row.id} still has ${active.length} active runs: drain, upgrade them, or force`, {
        ...report,
      });
    }
    const status = input.mode === 'drain' && active.length > 0 ? 'draining' : 'sunset';
    const after = await saveVersion(tx, row, { status }, now);
    const changes: CommitChange[] = [versionChange(row, after, row.id)];
    if (input.mode === 'force' && active.length > 0) {
      await tx
        .update(runs)
        .set({ stranded: true, updatedAt: now })
        .where(
          inArray(
            runs.id,
            active.map((r) => r.id),
          ),
        );
      for (const r of active) changes.push({ entity: 'run', id: r.id, before: { stranded: r.stranded }, after: { stranded: true } });
    }
    const action = status === 'draining' ? 'version.drain' : input.mode === 'force' ? 'version.sunset.force' : 'version.sunset';
    return { result: after, commit: { actor, action, reason: input.reason ?? null, changes } };
  });
}

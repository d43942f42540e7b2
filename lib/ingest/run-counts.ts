import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';

export interface CountKey {
  versionId: string;
  phase: RunPhase;
  result: RunResult;
}

/** Adds `delta` to the maintained count of runs under one (version, phase, result). */
export async function addRunCount(tx: Tx, key: CountKey, delta: number): Promise<void> {
  await tx.execute(sql`
    insert into run_counts (version_id, phase, result, n) values (${key.versionId}, ${key.phase}, ${key.result}, ${delta})
    on conflict (version_id, phase, result) do update set n = run_counts.n + excluded.n`);
}

/** Moves one run between counters when its phase or result changes. */
export async function moveRunCount(tx: Tx, from: CountKey, to: CountKey): Promise<void> {
  if (from.versionId === to.versionId && from.phase === to.phase && from.result === to.result) return;
  await addRunCount(tx, from, -1);
  await addRunCount(tx, to, 1);
}

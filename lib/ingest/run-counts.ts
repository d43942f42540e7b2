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

const keyOrder = (k: CountKey) => `${k.versionId}\u0000${k.phase}\u0000${k.result}`;

/**
 * Moves one run between counters when its phase or result changes, in one statement. The two rows are
 * locked in a fixed order, so concurrent moves in opposite directions (pause and resume) cannot deadlock.
 */
export async function moveRunCount(tx: Tx, from: CountKey, to: CountKey): Promise<void> {
  if (from.versionId === to.versionId && from.phase === to.phase && from.result === to.result) return;
  const [a, b] = [
    { ...from, delta: -1 },
    { ...to, delta: 1 },
  ].sort((x, y) => (keyOrder(x) < keyOrder(y) ? -1 : 1)) as [CountKey & { delta: number }, CountKey & { delta: number }];
  await tx.execute(sql`
    insert into run_counts (version_id, phase, result, n)
    values (${a.versionId}, ${a.phase}, ${a.result}, ${a.delta}), (${b.versionId}, ${b.phase}, ${b.result}, ${b.delta})
    on conflict (version_id, phase, result) do update set n = run_counts.n + excluded.n`);
}

import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { runPhase, runResult } from './enums';

/** Maintained run counts by version, phase and result: O(1) totals for the run index and the registry. */
export const runCounts = pgTable(
  'run_counts',
  {
    versionId: text('version_id').notNull(),
    phase: runPhase('phase').notNull(),
    result: runResult('result').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.phase, t.result] })],
);

import { readLocalWorld } from './read-local';
import { type PgChangeCursor, readPostgresWorld } from './read-postgres';
import { localStreamReader, postgresStreamReader } from './read-streams';
import type { WorldReader } from './sync';

/** How far back each pass over world-postgres starts before the previous cursor: rows committed late still count. */
const PG_OVERLAP_MS = 5_000;

/** world-local: a run has changed when its change key (run file and event log) differs from the last pass. */
function localReader(dataDir: string): WorldReader {
  const world = readLocalWorld(dataDir);
  const seen = new Map<string, string>();
  return {
    ...localStreamReader(dataDir),
    async changed() {
      const entries = await world.listRunIds();
      const out: string[] = [];
      for (const e of entries) {
        if (seen.get(e.runId) !== e.changeKey) out.push(e.runId);
        seen.set(e.runId, e.changeKey);
      }
      return out;
    },
    async read(runIds) {
      const { runs, problems } = await world.readRuns(runIds);
      // A run that could not be read whole is looked at again on the next pass.
      for (const p of problems) seen.delete(p.runId);
      return { snapshots: runs, problems };
    },
    async close() {},
  };
}

/** world-postgres: runs updated, or given new events, since the previous pass (with a little overlap). */
async function postgresReader(databaseUrl: string): Promise<WorldReader> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const world = readPostgresWorld(pool);
  let cursor: PgChangeCursor | null = null;
  return {
    ...postgresStreamReader(pool),
    async changed() {
      const since: PgChangeCursor | null = cursor ? { at: new Date(Date.parse(cursor.at) - PG_OVERLAP_MS).toISOString(), runId: '' } : null;
      const out: string[] = [];
      let from = since;
      for (;;) {
        const page = await world.changedRuns(from, 5_000);
        out.push(...page.runs.map((r) => r.runId));
        if (page.cursor) cursor = page.cursor;
        if (!page.more) break;
        from = page.cursor;
      }
      return [...new Set(out)];
    },
    async read(runIds) {
      const { runs, problems } = await world.readRuns(runIds);
      return { snapshots: runs, problems };
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openWorldReader(o: { world: 'local' | 'postgres'; dataDir?: string; databaseUrl?: string }): Promise<WorldReader> {
  if (o.world === 'local') return localReader(o.dataDir ?? '.workflow-data');
  return postgresReader(o.databaseUrl ?? '');
}

import { sql } from 'drizzle-orm';
import type { BlobStore } from '@/lib/artifacts/blob-store';
import { type Db, queryRows, type Tx } from '@/lib/db/client';
import { blobs as blobsTable, manifests as manifestsTable, versions as versionsTable } from '@/lib/db/schema';
import { type DemoOptions, generateDemo, type RunCountRow, sumRunCounts } from './generate';

export interface LoadDemoOptions extends DemoOptions {
  /** Called after each batch of runs is written. */
  onProgress?: (progress: { runs: number; total: number }) => void;
}

export interface LoadDemoResult {
  versions: number;
  runs: number;
  nodes: number;
  events: number;
  blobs: number;
  manifests: number;
  ms: number;
}

/** Target table, then `[column, JSON key, SQL type]` for each column the rows carry. */
type Columns = readonly (readonly [string, string, string])[];

const RUN_COLUMNS: Columns = [
  ['id', 'id', 'text'],
  ['workflow', 'workflow', 'text'],
  ['version_id', 'versionId', 'text'],
  ['group_path', 'groupPath', 'text'],
  ['input', 'input', 'jsonb'],
  ['output', 'output', 'jsonb'],
  ['error', 'error', 'jsonb'],
  ['setup_errors', 'setupErrors', 'jsonb'],
  ['phase', 'phase', 'run_phase'],
  ['result', 'result', 'run_result'],
  ['waiting', 'waiting', 'jsonb'],
  ['created_at', 'createdAt', 'timestamptz'],
  ['started_at', 'startedAt', 'timestamptz'],
  ['finished_at', 'finishedAt', 'timestamptz'],
  ['updated_at', 'updatedAt', 'timestamptz'],
  ['row_version', 'rowVersion', 'integer'],
  ['last_seq', 'lastSeq', 'integer'],
  ['upgraded_from', 'upgradedFrom', 'text'],
  ['upgraded_to', 'upgradedTo', 'text'],
  ['upgrade_strategy', 'upgradeStrategy', 'upgrade_strategy'],
  ['stranded', 'stranded', 'boolean'],
  ['lease_owner', 'leaseOwner', 'text'],
  ['lease_expires_at', 'leaseExpiresAt', 'timestamptz'],
];

const NODE_COLUMNS: Columns = [
  ['run_id', 'runId', 'text'],
  ['node_id', 'nodeId', 'text'],
  ['action', 'action', 'text'],
  ['signature', 'signature', 'text'],
  ['needs', 'needs', 'jsonb'],
  ['status', 'status', 'node_status'],
  ['attempt', 'attempt', 'integer'],
  ['started_at', 'startedAt', 'timestamptz'],
  ['finished_at', 'finishedAt', 'timestamptz'],
  ['output', 'output', 'jsonb'],
  ['error', 'error', 'jsonb'],
  ['artifact_manifest', 'artifactManifest', 'text'],
  ['staged_manifests', 'stagedManifests', 'jsonb'],
  ['reused_from', 'reusedFrom', 'text'],
];

const EVENT_COLUMNS: Columns = [
  ['run_id', 'runId', 'text'],
  ['seq', 'seq', 'integer'],
  ['type', 'type', 'event_type'],
  ['node_id', 'nodeId', 'text'],
  ['at', 'at', 'timestamptz'],
  ['data', 'data', 'jsonb'],
];

const STAGED_COLUMNS: Columns = [
  ['run_id', 'runId', 'text'],
  ['node_id', 'nodeId', 'text'],
  ['producer_id', 'producerId', 'text'],
  ['digest', 'digest', 'text'],
];

const COUNT_COLUMNS: Columns = [
  ['version_id', 'versionId', 'text'],
  ['phase', 'phase', 'run_phase'],
  ['result', 'result', 'run_result'],
  ['n', 'n', 'bigint'],
];

/** Rows per statement: one jsonb parameter each, kept to a few megabytes. */
const ROWS_PER_STATEMENT = 5_000;

/** `insert into <table> (...) select ... from jsonb_to_recordset($1::jsonb)`: many rows, one parameter, both engines. */
function insertFromJson(table: string, columns: Columns, rows: readonly object[], suffix = '') {
  const targets = columns.map(([column]) => `"${column}"`).join(', ');
  const selects = columns.map(([, key]) => `x."${key}"`).join(', ');
  const record = columns.map(([, key, type]) => `"${key}" ${type}`).join(', ');
  const head = sql.raw(`insert into "${table}" (${targets}) select ${selects} from jsonb_to_recordset(`);
  const tail = sql.raw(`::jsonb) as x(${record}) ${suffix}`);
  return sql`${head}${JSON.stringify(rows)}${tail}`;
}

async function insertChunked(tx: Tx, table: string, columns: Columns, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(insertFromJson(table, columns, rows.slice(i, i + ROWS_PER_STATEMENT)));
  }
}

/** True when the store holds no versions (nothing to lose by loading the demo). */
export async function isStoreEmpty(db: Db): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(db, sql`select exists (select 1 from versions) as found`);
  return !rows[0]?.found;
}

/**
 * Writes the deterministic demo into the store: versions, blobs (bytes through the blob store), manifests,
 * then runs with their nodes and events one transaction per batch, the run counters, and `VACUUM ANALYZE`.
 * Meant for an empty store; counters are added to, so loading twice is refused by the primary keys.
 */
export async function loadDemo(db: Db, blobStore: BlobStore, options: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = performance.now();
  const data = generateDemo(options);
  await db.transaction(async (tx) => {
    await tx.insert(versionsTable).values(data.versions);
    for (const blob of data.blobs) await blobStore.put(blob.digest, blob.bytes);
    if (data.blobs.length > 0) {
      await tx
        .insert(blobsTable)
        .values(data.blobs.map(({ digest, size, createdAt }) => ({ digest, size, createdAt })))
        .onConflictDoNothing();
    }
    if (data.manifests.length > 0) await tx.insert(manifestsTable).values(data.manifests).onConflictDoNothing();
  });
  const counts: RunCountRow[] = [];
  const result: LoadDemoResult = {
    versions: data.versions.length,
    runs: 0,
    nodes: 0,
    events: 0,
    blobs: data.blobs.length,
    manifests: data.manifests.length,
    ms: 0,
  };
  for await (const batch of data.batches()) {
    await db.transaction(async (tx) => {
      await insertChunked(tx, 'runs', RUN_COLUMNS, batch.runs);
      await insertChunked(tx, 'nodes', NODE_COLUMNS, batch.nodes);
      await insertChunked(tx, 'events', EVENT_COLUMNS, batch.events);
      const staged = batch.nodes.flatMap((n) =>
        Object.entries(n.stagedManifests ?? {}).map(([producerId, digest]) => ({ runId: n.runId, nodeId: n.nodeId, producerId, digest })),
      );
      await insertChunked(tx, 'staged_artifacts', STAGED_COLUMNS, staged);
    });
    for (const c of batch.runCounts) counts.push(c);
    result.runs += batch.runs.length;
    result.nodes += batch.nodes.length;
    result.events += batch.events.length;
    options.onProgress?.({ runs: result.runs, total: options.runs });
  }
  const totals = sumRunCounts(counts);
  if (totals.length > 0) {
    await db.execute(
      insertFromJson('run_counts', COUNT_COLUMNS, totals, 'on conflict (version_id, phase, result) do update set n = run_counts.n + excluded.n'),
    );
  }
  // PGlite has no autovacuum; planner statistics matter after a bulk load on either engine.
  await db.execute(sql`vacuum analyze`);
  result.ms = Math.round(performance.now() - started);
  return result;
}

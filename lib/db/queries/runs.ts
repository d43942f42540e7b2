import { and, desc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { ArtifactEdge, NodeDto, RunCounts, RunDetail, RunPage } from '@/lib/contract/runs';
import type { Db } from '@/lib/db/client';
import { manifests, nodes, runCounts, runs, versions } from '@/lib/db/schema';
import type { RunListFilters } from '@/lib/domain/run-list-filters';
import { RUN_PHASES, type RunPhase } from '@/lib/domain/run-phase';
import { notFound } from '@/lib/errors';
import { toNodeDto, toNodeSummary, toRunDto, toRunListItem } from './dto';
import { listRunActions } from './engine-actions';
import { getRunFailure } from './run-failure';
import { hasFilters, runConditions } from './run-filters';

/** A page of runs, newest first, by keyset on the id (never OFFSET). */
export async function listRuns(db: Db, q: RunListFilters & { cursor?: string; limit: number }): Promise<RunPage> {
  const { cursor, limit, ...filters } = q;
  const where = and(runConditions(filters), cursor ? lt(runs.id, cursor) : undefined);
  // Ids first, then rows: selecting only ids lets the planner walk the (filter, id) index for a filter whose
  // rows cluster in time (a version), where a full-row query would scan the primary key and skip them.
  const page = db
    .select({ id: runs.id })
    .from(runs)
    .where(where)
    .orderBy(desc(runs.id))
    .limit(limit + 1);
  const rows = await db.select().from(runs).where(inArray(runs.id, page)).orderBy(desc(runs.id));
  const items = rows.slice(0, limit).map(toRunListItem);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** Counts by phase under the filters (ignoring the phase filter itself); O(1) counters when unfiltered. */
export async function countRuns(db: Db, f: RunListFilters): Promise<RunCounts> {
  const byPhase = Object.fromEntries(RUN_PHASES.map((p) => [p, 0])) as Record<RunPhase, number>;
  const { phase: _phase, ...rest } = f;
  const maintained = !hasFilters(rest);
  const rows = maintained
    ? await db
        .select({ phase: runCounts.phase, n: sql<string>`sum(${runCounts.n})` })
        .from(runCounts)
        .groupBy(runCounts.phase)
    : await db.select({ phase: runs.phase, n: sql<string>`count(*)` }).from(runs).where(runConditions(f, true)).groupBy(runs.phase);
  for (const r of rows) byPhase[r.phase] = Number(r.n);
  const total = Object.values(byPhase).reduce((a, b) => a + b, 0);
  return { total, byPhase, maintained };
}

/** What the run page loads of every node: its summary, and the manifests it staged (the run's edges). */
const { input: _input, output: _output, error: _error, signature: _signature, ...SUMMARY_COLUMNS } = getTableColumns(nodes);

export async function getRun(db: Db, runId: string): Promise<RunDetail> {
  const [row] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!row) throw notFound('run', runId);
  const nodeRows = await db.select(SUMMARY_COLUMNS).from(nodes).where(eq(nodes.runId, runId)).orderBy(nodes.startedAt, nodes.nodeId);
  const byId = new Map(nodeRows.map((n) => [n.nodeId, n]));
  const staged = nodeRows.flatMap((n) => Object.entries(n.stagedManifests).map(([from, digest]) => ({ from, to: n.nodeId, digest })));
  const digests = [...new Set(staged.map((s) => s.digest))];
  const sizes = digests.length ? await db.select().from(manifests).where(inArray(manifests.digest, digests)) : [];
  const info = new Map(sizes.map((m) => [m.digest, m]));
  const edges = staged.map((s): ArtifactEdge => {
    const producerDigest = byId.get(s.from)?.artifactManifest ?? null;
    return {
      ...s,
      producerDigest,
      stale: producerDigest !== s.digest,
      fileCount: info.get(s.digest)?.fileCount ?? null,
      totalSize: info.get(s.digest)?.totalSize ?? null,
    };
  });
  const actions = row.source === 'flowdeck' ? [] : await listRunActions(db, runId);
  const [version] = await db.select({ label: versions.label }).from(versions).where(eq(versions.id, row.versionId));
  const failure = await getRunFailure(db, row, nodeRows);
  return { ...toRunDto(row), nodes: nodeRows.map(toNodeSummary), edges, actions, versionLabel: version?.label ?? null, failure };
}

/** One node of a run with its payloads: what the run page's node panel loads when it opens. */
export async function getRunNode(db: Db, runId: string, nodeId: string): Promise<NodeDto> {
  const [row] = await db
    .select()
    .from(nodes)
    .where(and(eq(nodes.runId, runId), eq(nodes.nodeId, nodeId)));
  if (!row) {
    const [run] = await db.select({ id: runs.id }).from(runs).where(eq(runs.id, runId));
    throw run ? notFound('node', `${runId}/${nodeId}`) : notFound('run', runId);
  }
  return toNodeDto(row);
}

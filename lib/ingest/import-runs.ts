import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportBody, ImportResult, ImportRun } from '@/lib/contract/engine-import';
import type { Db, Tx } from '@/lib/db/client';
import { events, nodes, type RunRow, runs, type VersionRow } from '@/lib/db/schema';
import { jsonDigest } from '@/lib/domain/digest';
import { importedGroupPath, nearestEventType } from '@/lib/domain/engine-events';
import { failureReason } from '@/lib/domain/failure-reason';
import { newId } from '@/lib/domain/ids';
import { isActive } from '@/lib/domain/run-phase';
import type { EngineSource } from '@/lib/domain/run-source';
import { importVersions, versionsByKey } from './import-versions';
import { addRunCount, moveRunCount } from './run-counts';
import { sunsetIfDrained } from './sunset-if-drained';

type RunOutcome = ImportResult['runs'][number];
const CHUNK = 500;
const date = (s: string | null | undefined) => (s ? new Date(s) : null);

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The run row's fields an import sets, from the engine's view of the run. */
function runFields(r: ImportRun, digest: string) {
  return {
    workflow: r.workflow,
    workflowRef: r.workflowRef,
    engineStatus: r.engineStatus,
    input: r.input ?? null,
    output: r.output ?? null,
    error: r.error ?? null,
    phase: r.phase,
    result: r.result,
    waiting: r.waiting,
    startedAt: date(r.startedAt),
    finishedAt: date(r.finishedAt),
    importDigest: digest,
    failureReason: failureReason(
      { ...r, error: r.error ?? null, setupErrors: null },
      r.nodes.map((n) => ({ ...n, finishedAt: n.finishedAt ?? null, error: n.error ?? null })),
    ),
  };
}

const nodeRows = (runId: string, r: ImportRun) =>
  r.nodes.map((n) => ({
    runId,
    nodeId: n.nodeId,
    action: n.kind === 'step' ? ('run' as const) : n.kind,
    signature: n.name,
    needs: n.needs.map((step) => ({ step, when: 'on_success' as const })),
    status: n.status,
    attempt: n.attempt,
    startedAt: date(n.startedAt),
    finishedAt: date(n.finishedAt),
    input: n.input ?? null,
    output: n.output ?? null,
    error: n.error ?? null,
  }));

const eventRows = (runId: string, list: ImportRun['events'], firstSeq: number) =>
  list.map((e, i) => ({
    runId,
    seq: firstSeq + i,
    type: nearestEventType(e.type),
    nodeId: e.nodeId ?? null,
    at: new Date(e.at),
    data: e.data,
    engineId: e.id,
    engineType: e.type,
  }));

/** Inserts the runs a batch sees for the first time, set-based: runs, then nodes, then events. */
async function insertNew(tx: Tx, source: EngineSource, fresh: { r: ImportRun; digest: string; version: VersionRow }[], now: Date) {
  const rows = fresh.map(({ r, digest, version }) => ({
    id: newId('run', Date.parse(r.createdAt)),
    versionId: version.id,
    groupPath: importedGroupPath(source, r.workflow),
    createdAt: new Date(r.createdAt),
    updatedAt: now,
    lastSeq: r.events.length,
    source,
    externalId: r.externalId,
    // The engine started it on a version Flowdeck would have refused: shown, since it cannot be prevented.
    admittedWhileDraining: isActive(r.phase) && (version.status === 'draining' || version.status === 'sunset'),
    ...runFields(r, digest),
  }));
  await insertChunked(rows, (c) => tx.insert(runs).values(c));
  await insertChunked(
    fresh.flatMap(({ r }, i) => nodeRows(rows[i]!.id, r)),
    (c) => tx.insert(nodes).values(c),
  );
  await insertChunked(
    fresh.flatMap(({ r }, i) => eventRows(rows[i]!.id, r.events, 1)),
    (c) => tx.insert(events).values(c),
  );
  const counts = new Map<string, { versionId: string; phase: RunRow['phase']; result: RunRow['result']; n: number }>();
  for (const row of rows) {
    const key = `${row.versionId}|${row.phase}|${row.result}`;
    const c = counts.get(key) ?? { versionId: row.versionId, phase: row.phase, result: row.result, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  for (const c of counts.values()) await addRunCount(tx, c, c.n);
  return rows.map((row, i) => ({ runId: row.id, events: fresh[i]!.r.events.length }));
}

/** Brings a known run up to the engine's view: fields, nodes replaced, only the events not yet stored. */
async function updateKnown(tx: Tx, old: RunRow, r: ImportRun, digest: string, now: Date): Promise<number> {
  const have = await tx
    .select({ id: events.engineId })
    .from(events)
    .where(and(eq(events.runId, old.id), sql`${events.engineId} is not null`));
  const known = new Set(have.map((e) => e.id));
  const added = r.events.filter((e) => !known.has(e.id));
  await tx
    .update(runs)
    .set({ ...runFields(r, digest), lastSeq: old.lastSeq + added.length, rowVersion: old.rowVersion + 1, updatedAt: now })
    .where(eq(runs.id, old.id));
  await tx.delete(nodes).where(eq(nodes.runId, old.id));
  await insertChunked(nodeRows(old.id, r), (c) => tx.insert(nodes).values(c));
  await insertChunked(eventRows(old.id, added, old.lastSeq + 1), (c) => tx.insert(events).values(c));
  await moveRunCount(tx, old, { versionId: old.versionId, phase: r.phase, result: r.result });
  if (isActive(old.phase) && !isActive(r.phase)) await sunsetIfDrained(tx, old.versionId, now);
  return added.length;
}

/**
 * Imports a connector's batch: its versions, then its runs in one transaction, so every run lands whole or
 * not at all. Runs are matched by (source, engine id): a new one is inserted, a changed one brought up to
 * date (its new events appended once by their engine id), an identical one (same digest) left alone. A run
 * naming a version key the store does not know is skipped with the reason.
 */
export async function importBatch(db: Db, actor: string, source: EngineSource, body: ImportBody, now = new Date()): Promise<ImportResult> {
  const versionResults = await importVersions(db, actor, source, body.versions, now);
  const outcomes: RunOutcome[] = await db.transaction(async (tx) => {
    const byKey = await versionsByKey(
      tx,
      source,
      body.runs.map((r) => r.versionKey),
    );
    const ids = [...new Set(body.runs.map((r) => r.externalId))];
    const existing = ids.length
      ? await tx
          .select()
          .from(runs)
          .where(and(eq(runs.source, source), inArray(runs.externalId, ids)))
          .orderBy(runs.id)
          .for('update')
      : [];
    const byExternal = new Map(existing.map((r) => [r.externalId as string, r]));
    const out: RunOutcome[] = [];
    const fresh: { r: ImportRun; digest: string; version: VersionRow; at: number }[] = [];
    const seen = new Set<string>();
    for (const r of body.runs) {
      if (seen.has(r.externalId)) {
        out.push({ externalId: r.externalId, runId: null, outcome: 'skipped', reason: 'sent twice in one batch', events: 0 });
        continue;
      }
      seen.add(r.externalId);
      const digest = jsonDigest(r);
      const old = byExternal.get(r.externalId);
      if (old) {
        if (old.importDigest === digest) {
          out.push({ externalId: r.externalId, runId: old.id, outcome: 'unchanged', events: 0 });
          continue;
        }
        out.push({ externalId: r.externalId, runId: old.id, outcome: 'updated', events: await updateKnown(tx, old, r, digest, now) });
        continue;
      }
      const version = byKey.get(r.versionKey);
      if (!version) {
        out.push({ externalId: r.externalId, runId: null, outcome: 'skipped', reason: `unknown version key ${r.versionKey}`, events: 0 });
        continue;
      }
      fresh.push({ r, digest, version, at: out.length });
      out.push({ externalId: r.externalId, runId: null, outcome: 'imported', events: 0 });
    }
    const inserted = await insertNew(tx, source, fresh, now);
    fresh.forEach((f, i) => {
      Object.assign(out[f.at]!, inserted[i]);
    });
    return out;
  });
  return { versions: versionResults, runs: outcomes };
}

/** What the store holds of a source: engine id and import digest, in engine-id order, paged. */
export async function listSourceRuns(db: Db, source: EngineSource, cursor: string | undefined, limit: number) {
  const rows = await db
    .select({ externalId: runs.externalId, digest: runs.importDigest })
    .from(runs)
    .where(and(eq(runs.source, source), cursor ? sql`${runs.externalId} > ${cursor}` : sql`${runs.externalId} is not null`))
    .orderBy(runs.externalId)
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({ externalId: r.externalId as string, digest: r.digest ?? '' }));
  return { runs: page, nextCursor: rows.length > limit ? (page.at(-1)?.externalId ?? null) : null };
}

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { runs, type VersionRow, type VersionSource, versions } from '@/lib/db/schema';
import { type CommitInput, commitChange } from '@/lib/db/writes/commit';
import { versionSnapshot } from '@/lib/db/writes/snapshots';
import { newId } from '@/lib/domain/ids';
import { schemaProblem } from '@/lib/domain/input-schema';
import { manifestProblems, prepareManifest, type VersionManifest } from '@/lib/domain/manifest';
import { ACTIVE_PHASES } from '@/lib/domain/run-phase';
import { AppError, notFound } from '@/lib/errors';
import { expectVersion } from './occ';

export interface CreateVersionInput {
  manifest: VersionManifest;
  label?: string;
  address?: string;
  source?: VersionSource;
}

const change = (before: VersionRow | null, after: VersionRow | null, id: string) => ({
  entity: 'version' as const,
  id,
  before: before ? versionSnapshot(before) : null,
  after: after ? versionSnapshot(after) : null,
});

/** Registers a version: validated manifest, content digest, step signatures; live when it has an address. */
export async function createVersion(db: Db, actor: string, input: CreateVersionInput, now = new Date()) {
  const problems = [
    ...manifestProblems(input.manifest),
    ...Object.entries(input.manifest.workflows).flatMap(([name, wf]) => {
      const p = schemaProblem(wf.input);
      return p ? [`workflow ${name}: input is not a valid JSON Schema: ${p}`] : [];
    }),
  ];
  if (problems.length > 0) throw new AppError('invalid_input', problems[0] as string, { problems });
  return commitChange(db, async (tx) => {
    const [current] = await tx.select({ id: versions.id }).from(versions).where(eq(versions.isCurrent, true));
    const live = input.address !== undefined;
    const [row] = await tx
      .insert(versions)
      .values({
        id: newId('vers', now.getTime()),
        label: input.label ?? null,
        manifest: input.manifest,
        ...prepareManifest(input.manifest),
        address: input.address ?? null,
        source: input.source ?? null,
        status: live ? 'live' : 'pending',
        // The first live version of an empty registry is where new runs go.
        isCurrent: live && !current,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = row as VersionRow;
    return { result: created, commit: { actor, action: 'version.create', changes: [change(null, created, created.id)] } };
  });
}

async function lockVersion(tx: Tx, id: string, expected: number): Promise<VersionRow> {
  const [row] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.id, id), isNull(versions.deletedAt)))
    .for('update');
  if (!row) throw notFound('version', id);
  expectVersion('version', id, expected, row.rowVersion);
  return row;
}

async function save(tx: Tx, row: VersionRow, patch: Partial<VersionRow>, now: Date): Promise<VersionRow> {
  const [after] = await tx
    .update(versions)
    .set({ ...patch, updatedAt: now, rowVersion: row.rowVersion + 1 })
    .where(eq(versions.id, row.id))
    .returning();
  return after as VersionRow;
}

export interface UpdateVersionInput {
  id: string;
  expectedVersion: number;
  label?: string | null;
  address?: string | null;
  source?: VersionSource | null;
}

/** Label, address and source are mutable; setting an address makes a pending version live. */
export async function updateVersion(db: Db, actor: string, input: UpdateVersionInput, now = new Date()) {
  return commitChange(db, async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    const patch: Partial<VersionRow> = {};
    if (input.label !== undefined) patch.label = input.label;
    if (input.source !== undefined) patch.source = input.source;
    if (input.address !== undefined) {
      if (input.address === null && row.isCurrent) throw new AppError('conflict', 'the current version needs an address', { entity: 'version', id: row.id });
      patch.address = input.address;
      if (row.status === 'pending' && input.address) patch.status = 'live';
      if (row.status === 'live' && input.address === null) patch.status = 'pending';
    }
    const after = await save(tx, row, patch, now);
    return { result: after, commit: { actor, action: 'version.update', changes: [change(row, after, row.id)] } };
  });
}

/** Makes a live (or draining: rollback) version the one new runs go to. */
export async function setCurrentVersion(db: Db, actor: string, input: { id: string; expectedVersion: number }, now = new Date()) {
  return commitChange(db, async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.isCurrent) return { result: row, commit: null };
    if (row.status !== 'live' && row.status !== 'draining') {
      throw new AppError('conflict', `version ${row.id} is ${row.status}: only a live or draining version can become current`, {
        entity: 'version',
        id: row.id,
      });
    }
    const changes: CommitInput['changes'] = [];
    const [previous] = await tx.select().from(versions).where(eq(versions.isCurrent, true)).for('update');
    if (previous) {
      const demoted = await save(tx, previous, { isCurrent: false }, now);
      changes.push(change(previous, demoted, previous.id));
    }
    const after = await save(tx, row, { isCurrent: true, status: 'live' }, now);
    changes.push(change(row, after, row.id));
    return { result: after, commit: { actor, action: 'version.set-current', changes } };
  });
}

async function activeRunIds(tx: Tx, versionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.versionId, versionId), inArray(runs.phase, [...ACTIVE_PHASES])));
  return rows.map((r) => r.id);
}

/** Deletes a version with no runs at all (gone), or a sunset one (kept, marked deleted). */
export async function deleteVersion(db: Db, actor: string, input: { id: string; expectedVersion: number }, now = new Date()) {
  return commitChange<{ deleted: 'soft' | 'hard' }>(db, async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.isCurrent) throw new AppError('conflict', 'the current version cannot be deleted: set another current first', { entity: 'version', id: row.id });
    const [anyRun] = await tx.select({ one: sql<number>`1` }).from(runs).where(eq(runs.versionId, row.id)).limit(1);
    if (anyRun && row.status !== 'sunset') {
      throw new AppError('conflict', `version ${row.id} has runs: only a sunset version with runs can be deleted`, { entity: 'version', id: row.id });
    }
    if (anyRun) {
      const after = await save(tx, row, { deletedAt: now }, now);
      return { result: { deleted: 'soft' as const }, commit: { actor, action: 'version.delete', changes: [change(row, after, row.id)] } };
    }
    await tx.delete(versions).where(eq(versions.id, row.id));
    return { result: { deleted: 'hard' as const }, commit: { actor, action: 'version.delete', changes: [change(row, null, row.id)] } };
  });
}

export { activeRunIds, change as versionChange, lockVersion, save as saveVersion };

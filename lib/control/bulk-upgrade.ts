import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { getVersionRow } from '@/lib/db/queries/versions';
import { type JobRow, jobItems, jobs, nodes, runs } from '@/lib/db/schema';
import { commitChange } from '@/lib/db/writes/commit';
import { groupBy } from '@/lib/domain/group-by';
import { newId } from '@/lib/domain/ids';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import { ACTIVE_PHASES, type RunPhase } from '@/lib/domain/run-phase';
import { blastRadius, type StrategyRadius } from '@/lib/domain/version-diff';
import { acceptsRuns } from '@/lib/domain/version-status';
import { AppError } from '@/lib/errors';
import { upgradeRunInTx } from './upgrade';

export interface BulkFilter {
  workflow?: string;
  phase?: RunPhase[];
  group?: string;
}

export interface BulkUpgradeInput {
  versionId: string;
  targetVersionId: string;
  strategy: UpgradeStrategy;
  filter?: BulkFilter;
  dryRun?: boolean;
}

async function selectRuns(db: Db, versionId: string, filter: BulkFilter = {}) {
  const phases = (filter.phase?.length ? filter.phase : [...ACTIVE_PHASES]).filter((p) => (ACTIVE_PHASES as readonly string[]).includes(p));
  const group = filter.group?.replace(/\/+$/, '');
  return db
    .select({ id: runs.id, workflow: runs.workflow, input: runs.input })
    .from(runs)
    .where(
      and(
        eq(runs.versionId, versionId),
        inArray(runs.phase, phases),
        sql`${runs.upgradedTo} is null`,
        filter.workflow ? eq(runs.workflow, filter.workflow) : undefined,
        group ? sql`(${runs.groupPath} = ${group} or (${runs.groupPath} >= ${`${group}/`} and ${runs.groupPath} < ${`${group}0`}))` : undefined,
      ),
    )
    .orderBy(asc(runs.id));
}

export type BulkDryRun = { dryRun: true; total: number } & StrategyRadius;

/**
 * Upgrades the active runs of a version. A dry run counts compatible and incompatible runs with reasons.
 * Otherwise a job is persisted with one item per run (and its commit) and processed in the background,
 * each run upgraded atomically together with its item, so a crash never upgrades a run twice.
 */
export async function startBulkUpgrade(db: Db, actor: string, input: BulkUpgradeInput, now = new Date()): Promise<BulkDryRun | JobRow> {
  const [source, target] = await Promise.all([getVersionRow(db, input.versionId), getVersionRow(db, input.targetVersionId)]);
  if (source.id === target.id) throw new AppError('invalid_input', 'the target is the same version');
  if (!acceptsRuns(target.status)) throw new AppError('version_not_accepting_runs', `version ${target.id} is ${target.status} and accepts no new runs`);
  const selected = await selectRuns(db, source.id, input.filter);
  if (input.dryRun) {
    const nodeRows = selected.length
      ? await db
          .select({ runId: nodes.runId, nodeId: nodes.nodeId, status: nodes.status, signature: nodes.signature })
          .from(nodes)
          .where(
            inArray(
              nodes.runId,
              selected.map((r) => r.id),
            ),
          )
      : [];
    const byRun = groupBy(nodeRows, (n) => n.runId);
    const radius = blastRadius(
      selected.map((r) => ({ workflow: r.workflow, input: r.input, steps: byRun.get(r.id) ?? [] })),
      source.manifest,
      target.manifest,
    ).find((r) => r.strategy === input.strategy) as StrategyRadius;
    return { dryRun: true, total: selected.length, ...radius };
  }
  const { result } = await commitChange(db, async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({
        id: newId('job', now.getTime()),
        kind: 'bulk_upgrade',
        status: selected.length ? 'running' : 'done',
        actor,
        versionId: source.id,
        targetVersionId: target.id,
        strategy: input.strategy,
        filter: { ...input.filter },
        total: selected.length,
        createdAt: now,
        updatedAt: now,
        finishedAt: selected.length ? null : now,
      })
      .returning();
    for (let i = 0; i < selected.length; i += 1000) {
      await tx.insert(jobItems).values(selected.slice(i, i + 1000).map((r) => ({ jobId: job!.id, runId: r.id })));
    }
    return {
      result: job as JobRow,
      commit: {
        actor,
        action: 'version.upgrade-runs',
        changes: [{ entity: 'job', id: job!.id, before: null, after: { total: selected.length, strategy: input.strategy, from: source.id, to: target.id } }],
      },
    };
  });
  return result;
}

/** Upgrades the next pending run of a job; false when none is left (the job is then marked done). */
export async function processNextItem(db: Db, jobId: string): Promise<boolean> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (job?.status !== 'running') return false;
  const [next] = await db
    .select({ runId: jobItems.runId })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, 'pending')))
    .orderBy(asc(jobItems.runId))
    .limit(1);
  if (!next) {
    await db
      .update(jobs)
      .set({ status: 'done', finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(jobs.id, jobId), eq(jobs.status, 'running')));
    return false;
  }
  const settle = async (status: 'upgraded' | 'failed' | 'skipped', fn: Parameters<Db['transaction']>[0] | null, reason: string | null) =>
    db.transaction(async (tx) => {
      const [item] = await tx
        .select()
        .from(jobItems)
        .where(and(eq(jobItems.jobId, jobId), eq(jobItems.runId, next.runId)))
        .for('update');
      if (item?.status !== 'pending') return; // another worker settled it
      const newRunId = fn ? ((await fn(tx)) as string) : null;
      await tx
        .update(jobItems)
        .set({ status, newRunId, reason, updatedAt: new Date() })
        .where(and(eq(jobItems.jobId, jobId), eq(jobItems.runId, next.runId)));
      const counter = status === 'upgraded' ? 'done' : status;
      await tx
        .update(jobs)
        .set({ [counter]: sql`${jobs[counter]} + 1`, updatedAt: new Date() })
        .where(eq(jobs.id, jobId));
    });
  try {
    await settle(
      'upgraded',
      async (tx) => (await upgradeRunInTx(tx, job.actor, { runId: next.runId, targetVersionId: job.targetVersionId, strategy: job.strategy })).newRun?.id,
      null,
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await settle(err.code === 'incompatible' ? 'failed' : 'skipped', null, err.message);
  }
  return true;
}

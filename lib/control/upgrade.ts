import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/lib/db/client';
import { events, type NodeRow, nodes, type RunRow, runs, type VersionRow, versions } from '@/lib/db/schema';
import { appendCommit } from '@/lib/db/writes/commit';
import { requestEngineAction } from '@/lib/db/writes/engine-actions';
import type { UpgradeStrategy } from '@/lib/domain/job-status';
import { ownValue } from '@/lib/domain/own';
import { isActive } from '@/lib/domain/run-phase';
import { ENGINE_LIMITS, isEngineSource } from '@/lib/domain/run-source';
import { engineUpgradeReport, type UpgradeReport, upgradeReport } from '@/lib/domain/upgrade';
import { acceptsRuns } from '@/lib/domain/version-status';
import { AppError, notFound } from '@/lib/errors';
import { applyRunEvents } from '@/lib/ingest/apply-run-events';
import { insertRun, workflowNodes } from '@/lib/ingest/insert-run';
import { lockRun, runChange } from './runs';

export interface UpgradeInput {
  runId: string;
  targetVersionId: string;
  strategy: UpgradeStrategy;
  dryRun?: boolean;
  expectedVersion?: number;
}

export interface UpgradeOutcome {
  report: UpgradeReport;
  run: RunRow;
  newRun: RunRow | null;
}

async function loadVersion(tx: Tx | Db, id: string): Promise<VersionRow> {
  const [v] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.id, id), isNull(versions.deletedAt)));
  if (!v) throw notFound('version', id);
  return v;
}

/** The compatibility report of upgrading a run; checks the run and target can take part at all. */
async function plan(tx: Tx | Db, run: RunRow, input: UpgradeInput): Promise<{ report: UpgradeReport; target: VersionRow; nodeRows: NodeRow[] }> {
  if (!isActive(run.phase)) throw new AppError('conflict', `run ${run.id} is ${run.phase}: only an active run can be upgraded`, { entity: 'run', id: run.id });
  if (run.upgradedTo) throw new AppError('conflict', `run ${run.id} was already upgraded to ${run.upgradedTo}`, { entity: 'run', id: run.id });
  if (run.versionId === input.targetVersionId) throw new AppError('invalid_input', 'the run is already on that version');
  const [source, target] = await Promise.all([loadVersion(tx, run.versionId), loadVersion(tx, input.targetVersionId)]);
  if (!acceptsRuns(target.status)) {
    throw new AppError('version_not_accepting_runs', `version ${target.id} is ${target.status} and accepts no new runs`, { versionId: target.id });
  }
  const nodeRows = await tx.select().from(nodes).where(eq(nodes.runId, run.id));
  if (isEngineSource(run.source)) {
    if (target.runSource !== run.source || !target.externalKey) {
      throw new AppError('invalid_input', `run ${run.id} comes from ${run.source}: it can only move to another deployment of that engine`, {
        fields: { targetVersionId: ['not a deployment of the run’s engine'] },
      });
    }
    const report = engineUpgradeReport(
      input.strategy,
      { input: run.input, steps: nodeRows, workflow: ownValue(source.manifest.workflows, run.workflow) },
      ownValue(target.manifest.workflows, run.workflow),
      ENGINE_LIMITS,
    );
    return { report, target, nodeRows };
  }
  const report = upgradeReport(
    input.strategy,
    { input: run.input, steps: nodeRows, workflow: ownValue(source.manifest.workflows, run.workflow) },
    ownValue(target.manifest.workflows, run.workflow),
  );
  return { report, target, nodeRows };
}

/**
 * Upgrades an active run to a target version. A dry run returns the compatibility report and changes
 * nothing. Otherwise, in one transaction with its commit: the old run is paused and linked to a new run on
 * the target (same input; reused steps' results and artifact manifests carried over, a pending sleep or
 * hook kept); the old run is cancelled when the new one starts. Incompatible: 409 with the report.
 */
export async function upgradeRun(db: Db, actor: string, input: UpgradeInput, now = new Date()): Promise<UpgradeOutcome> {
  if (input.dryRun) {
    const [run] = await db.select().from(runs).where(eq(runs.id, input.runId));
    if (!run) throw notFound('run', input.runId);
    return { report: (await plan(db, run, input)).report, run, newRun: null };
  }
  return db.transaction((tx) => upgradeRunInTx(tx, actor, input, now));
}

export async function upgradeRunInTx(tx: Tx, actor: string, input: UpgradeInput, now = new Date()): Promise<UpgradeOutcome> {
  const run = await lockRun(tx, input.runId, input.expectedVersion);
  const { report, target, nodeRows } = await plan(tx, run, input);
  if (!report.compatible) throw new AppError('incompatible', `run ${run.id} cannot be upgraded: ${report.reasons.join('; ')}`, { report });
  if (isEngineSource(run.source)) {
    // The engine starts the new run; its connector reports it, and Flowdeck links the two then.
    const deploymentId = target.externalKey?.split('#')[0] ?? '';
    await requestEngineAction(
      tx,
      actor,
      run,
      'restart',
      { versionId: target.id, deploymentId, workflowRef: run.workflowRef },
      { action: 'run.upgrade.request' },
      now,
    );
    return { report, run, newRun: null };
  }
  const at = now.toISOString();
  const paused = run.phase === 'paused' ? run : await applyRunEvents(tx, run, [{ type: 'run_paused', at, reason: `upgrading to ${target.id}` }], now);
  const reuse = new Set(report.reuse);
  // A pending sleep or hook carries over when its step is unchanged and everything it needs is reused.
  const waitingStep = run.waiting ? ownValue(target.manifest.workflows, run.workflow)?.steps.find((s) => s.id === run.waiting?.nodeId) : undefined;
  const waitingNode =
    input.strategy !== 'restart' &&
    run.waiting &&
    waitingStep &&
    report.steps.unchanged.includes(waitingStep.id) &&
    (waitingStep.needs ?? []).every((n) => reuse.has(n.step))
      ? run.waiting
      : null;
  const oldNodes = new Map(nodeRows.map((n) => [n.nodeId, n]));
  const carried = (newRunId: string) =>
    workflowNodes(newRunId, target, run.workflow).map((n) => {
      const old = oldNodes.get(n.nodeId);
      if (old && (reuse.has(n.nodeId) || waitingNode?.nodeId === n.nodeId)) {
        const { runId: _r, reusedFrom: _f, ...kept } = old;
        return { ...n, ...kept, runId: newRunId, reusedFrom: run.id };
      }
      return n;
    });
  const newRun = await insertRun(
    tx,
    {
      workflow: run.workflow,
      versionId: target.id,
      groupPath: run.groupPath,
      input: run.input,
      phase: 'queued',
      waiting: waitingNode,
      upgradedFrom: run.id,
      upgradeStrategy: input.strategy,
    },
    { nodes: carried, created: { upgradedFrom: run.id, strategy: input.strategy, reused: report.reuse } },
    now,
  );
  await tx
    .insert(events)
    .values({ runId: run.id, seq: paused.lastSeq + 1, type: 'run_upgraded', at: now, data: { toRunId: newRun.id, strategy: input.strategy } });
  const [linked] = await tx
    .update(runs)
    .set({ upgradedTo: newRun.id, upgradeStrategy: input.strategy, lastSeq: paused.lastSeq + 1, rowVersion: paused.rowVersion + 1, updatedAt: now })
    .where(eq(runs.id, run.id))
    .returning();
  await appendCommit(tx, { actor, action: 'run.upgrade', changes: [runChange(run, linked as RunRow), runChange(null, newRun)] }, now);
  return { report, run: linked as RunRow, newRun };
}

/**
 * Runner leases in the store: claim, heartbeat, release. The HTTP contract (shapes, states, errors) is
 * written once in lib/contract/runner.ts; the pure rules (what is claimable, which events a claim appends,
 * what a heartbeat answers) are in lib/domain/runner-lease.ts.
 *
 * Expiry is lazy: nothing sweeps. A claim takes runs whose lease is free or expired; each run is claimed
 * in a transaction of its own, selected `for update skip locked`, so concurrent claimers (other requests,
 * other web replicas on Postgres) pass over each other's rows and never get the same run.
 */
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { ClaimedRun, HeartbeatRun } from '@/lib/contract/runner';
import type { Db, Tx } from '@/lib/db/client';
import { toNodeDto, toRunDto } from '@/lib/db/queries/dto';
import { nodes, type RunRow, runs, versions } from '@/lib/db/schema';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import { CLAIMABLE_PHASES, claimEvents, heartbeatState, requeueReason } from '@/lib/domain/runner-lease';
import { applyRunEvents, runStateOf } from './apply-run-events';

export interface ClaimInput {
  runnerId: string;
  capacity: number;
  leaseSeconds: number;
}

const leaseUntil = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

/**
 * Queued or running and not waiting, unless on a sleep that is due; `lease` picks the runs with no lease
 * or those whose lease expired. Two queries rather than one `or`: each walks the partial index
 * runs_claimable (lease_expires_at, id) alone, where an `or` lets the planner scan every run by id.
 */
function claimable(now: Date, lease: 'free' | 'expired') {
  const at = now.toISOString();
  return and(
    inArray(runs.phase, [...CLAIMABLE_PHASES]),
    lease === 'free' ? isNull(runs.leaseExpiresAt) : lte(runs.leaseExpiresAt, now),
    sql`(${runs.waiting} is null or ${runs.waiting}->>'kind' is null or (${runs.waiting}->>'kind' = 'sleep' and (${runs.waiting}->>'until')::timestamptz <= ${at}::timestamptz))`,
  );
}

/** The oldest claimable run of one kind not in `skip`, locked; runs other claimers hold locked are passed over. */
async function lockCandidate(tx: Tx, now: Date, lease: 'free' | 'expired', skip: string[]): Promise<RunRow | undefined> {
  const [run] = await tx
    .select()
    .from(runs)
    .where(and(claimable(now, lease), skip.length > 0 ? notInArray(runs.id, skip) : undefined))
    // For free runs (lease_expires_at all null) this is id order, in the index's own order: the planner
    // walks runs_claimable instead of every run by primary key.
    .orderBy(...(lease === 'free' ? [asc(runs.leaseExpiresAt), asc(runs.id)] : [asc(runs.id)]))
    .limit(1)
    .for('update', { skipLocked: true });
  return run;
}

/** A deadlock or serialization failure between concurrent transactions: safe to try again. */
function isRetryable(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

type Workflows = Map<string, WorkflowDefinition>;

async function workflowOf(tx: Tx, run: RunRow, cache: Workflows): Promise<WorkflowDefinition> {
  const key = `${run.versionId}\u0000${run.workflow}`;
  const known = cache.get(key);
  if (known) return known;
  const [version] = await tx.select({ manifest: versions.manifest }).from(versions).where(eq(versions.id, run.versionId));
  const workflow = version?.manifest.workflows[run.workflow] ?? { input: {}, steps: [] };
  cache.set(key, workflow);
  return workflow;
}

type ClaimAttempt = { kind: 'claimed'; run: ClaimedRun } | { kind: 'none' } | { kind: 'retry' } | { kind: 'skip'; runId: string };

/** Claims the oldest claimable run not in `skip`, in one transaction. */
async function claimOne(db: Db, input: ClaimInput, now: Date, skip: string[], cache: Workflows): Promise<ClaimAttempt> {
  const seen: { runId: string | null } = { runId: null };
  try {
    return await db.transaction(async (tx) => {
      // The older of the two; the other stays locked (skipped by other claimers) only until this commits.
      const candidates = [await lockCandidate(tx, now, 'free', skip), await lockCandidate(tx, now, 'expired', skip)];
      const run = candidates.filter((r) => r !== undefined).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
      if (!run) return { kind: 'none' } as const;
      seen.runId = run.id;
      const nodeRows = await tx.select().from(nodes).where(eq(nodes.runId, run.id));
      const reason = requeueReason({ owner: run.leaseOwner, expiresAt: run.leaseExpiresAt?.toISOString() ?? null }, now);
      const events = claimEvents(runStateOf(run, nodeRows), now, reason);
      if (events.length > 0) await applyRunEvents(tx, run, events, now);
      const expires = leaseUntil(now, input.leaseSeconds);
      const [leased] = (await tx.update(runs).set({ leaseOwner: input.runnerId, leaseExpiresAt: expires }).where(eq(runs.id, run.id)).returning()) as [RunRow];
      const after = await tx.select().from(nodes).where(eq(nodes.runId, run.id)).orderBy(asc(nodes.nodeId));
      const claimed: ClaimedRun = {
        run: toRunDto(leased),
        nodes: after.map(toNodeDto),
        workflow: await workflowOf(tx, run, cache),
        versionId: run.versionId,
        leaseExpiresAt: expires.toISOString(),
      };
      return { kind: 'claimed', run: claimed } as const;
    });
  } catch (err) {
    if (isRetryable(err)) return { kind: 'retry' };
    if (seen.runId === null) throw err;
    // A run the state machine refuses to claim is a bug to look into, not a reason to stop claiming others.
    console.error(`[flowdeck] claiming run ${seen.runId} failed; passing over it`, err);
    return { kind: 'skip', runId: seen.runId };
  }
}

/**
 * Leases up to `capacity` claimable runs to a runner, oldest first, appending the events a claim implies
 * (run_started, sleep_woken + node_succeeded, node_requeued). Each run is claimed atomically on its own.
 */
export async function claimRuns(db: Db, input: ClaimInput, now = new Date()): Promise<ClaimedRun[]> {
  const claimed: ClaimedRun[] = [];
  const skip: string[] = [];
  const cache: Workflows = new Map();
  let retries = 0;
  while (claimed.length < input.capacity) {
    const attempt = await claimOne(db, input, now, skip, cache);
    if (attempt.kind === 'none') break;
    if (attempt.kind === 'claimed') claimed.push(attempt.run);
    else if (attempt.kind === 'skip') skip.push(attempt.runId);
    else if (++retries > 5) break;
  }
  return claimed;
}

export interface HeartbeatInput {
  runnerId: string;
  runIds: string[];
  leaseSeconds: number;
}

/**
 * Extends the runner's unexpired leases on runs still queued or running, and tells it the state of each
 * run it named, read from the run rows now (a cancel, pause or upgrade shows at once).
 */
export async function heartbeat(db: Db, input: HeartbeatInput, now = new Date()): Promise<HeartbeatRun[]> {
  if (input.runIds.length === 0) return [];
  const ids = [...new Set(input.runIds)];
  const rows = await db.transaction(async (tx) => {
    await tx
      .update(runs)
      .set({ leaseExpiresAt: leaseUntil(now, input.leaseSeconds) })
      .where(and(inArray(runs.id, ids), eq(runs.leaseOwner, input.runnerId), gt(runs.leaseExpiresAt, now), inArray(runs.phase, [...CLAIMABLE_PHASES])));
    return tx
      .select({ id: runs.id, phase: runs.phase, waiting: runs.waiting, leaseOwner: runs.leaseOwner, leaseExpiresAt: runs.leaseExpiresAt })
      .from(runs)
      .where(inArray(runs.id, ids));
  });
  const byId = new Map(rows.map((r) => [r.id, { ...r, waiting: r.waiting ?? null, leaseExpiresAt: r.leaseExpiresAt?.toISOString() ?? null }]));
  return input.runIds.map((runId) => {
    const run = byId.get(runId) ?? null;
    return { runId, state: heartbeatState(run, input.runnerId, now), leaseExpiresAt: run?.leaseExpiresAt ?? null };
  });
}

/** Frees the leases the runner owns among `runIds` (expired or not); returns the runs it released. */
export async function releaseRuns(db: Db, input: { runnerId: string; runIds: string[] }): Promise<string[]> {
  if (input.runIds.length === 0) return [];
  const released = await db
    .update(runs)
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(inArray(runs.id, input.runIds), eq(runs.leaseOwner, input.runnerId)))
    .returning({ id: runs.id });
  return released.map((r) => r.id).sort();
}

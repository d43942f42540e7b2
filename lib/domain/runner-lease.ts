/**
 * Runner leases, pure. A runner claims a run (POST /api/v1/runner/claim) and holds it under a lease
 * (`lease_owner`, `lease_expires_at` on the run) that it extends by heartbeats. Expiry is lazy: nothing
 * sweeps; a run whose lease expired is simply claimable again, and the next claimer requeues the steps the
 * previous runner left running. The full HTTP contract is in lib/contract/runner.ts.
 */
import type { RunEvent, RunState, Waiting } from './run-machine';
import { isActive, type RunPhase } from './run-phase';

export const DEFAULT_LEASE_SECONDS = 15;
export const MIN_LEASE_SECONDS = 2;
export const MAX_LEASE_SECONDS = 300;
export const MAX_CLAIM_CAPACITY = 64;

/** A runner's id: 1-100 of `A-Z a-z 0-9 . _ : -`. */
export const RUNNER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
/** A hook token as it may appear in a URL path (any engine's): 8-200 URL-safe characters. */
export const HOOK_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{8,200}$/;
/**
 * A hook token a runner makes (an event batch sent under a lease): at least 32 characters of base64url
 * (or hex) alphabet, i.e. ≥ 128 bits when random. Hooks are public: the token is the only secret.
 */
export const RUNNER_HOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,200}$/;

/** The owner the demo loader gives its active runs: a simulated engine moves them, never a runner. */
export const DEMO_LEASE_OWNER = 'demo';
/** Leases at or past this instant never expire in practice (the demo's). */
export const INDEFINITE_LEASE = '9999-01-01T00:00:00.000Z';

/** The phases a runner may claim and hold a run in: active and not paused. */
export const CLAIMABLE_PHASES = ['queued', 'running'] as const satisfies readonly RunPhase[];
export type ClaimablePhase = (typeof CLAIMABLE_PHASES)[number];

export function isClaimablePhase(phase: RunPhase): phase is ClaimablePhase {
  return (CLAIMABLE_PHASES as readonly RunPhase[]).includes(phase);
}

export interface LeaseFields {
  phase: RunPhase;
  waiting: Waiting | null;
  leaseOwner: string | null;
  /** ISO timestamp. */
  leaseExpiresAt: string | null;
}

const ms = (iso: string) => Date.parse(iso);

/** True while `runnerId` (any runner when omitted) holds an unexpired lease. */
export function holdsLease(run: Pick<LeaseFields, 'leaseOwner' | 'leaseExpiresAt'>, now: Date, runnerId?: string): boolean {
  if (!run.leaseOwner || !run.leaseExpiresAt) return false;
  if (runnerId !== undefined && run.leaseOwner !== runnerId) return false;
  return ms(run.leaseExpiresAt) > now.getTime();
}

/** A sleep whose wake time has come: the run may be claimed and woken. */
export function isSleepDue(waiting: Waiting | null, now: Date): boolean {
  return waiting?.kind === 'sleep' && ms(waiting.until) <= now.getTime();
}

/**
 * Whether a runner may claim the run now (the store's claim query says the same in SQL): queued or
 * running, no unexpired lease, and not waiting, unless on a sleep that is due.
 */
export function isClaimable(run: LeaseFields, now: Date): boolean {
  if (!isClaimablePhase(run.phase)) return false;
  if (holdsLease(run, now)) return false;
  return run.waiting === null || isSleepDue(run.waiting, now);
}

/** Why the steps a previous lease left running are requeued. */
export function requeueReason(previous: { owner: string | null; expiresAt: string | null }, now: Date): string {
  if (previous.owner && previous.expiresAt && ms(previous.expiresAt) <= now.getTime()) {
    return `lease of runner ${previous.owner} expired at ${new Date(previous.expiresAt).toISOString()}`;
  }
  return previous.owner ? `runner ${previous.owner} gave up its lease` : 'no runner held the run';
}

/**
 * The events a claim appends, in order: `run_started` for a queued run; `sleep_woken` and
 * `node_succeeded` for a sleep that is due; `node_requeued` for every step still `running` that is not
 * the one the run waits on (no runner executes it any more: the lease was free when claimed).
 */
export function claimEvents(state: RunState, now: Date, reason: string): RunEvent[] {
  const at = now.toISOString();
  const out: RunEvent[] = [];
  if (state.run.phase === 'queued') out.push({ type: 'run_started', at });
  const waiting = state.run.waiting;
  let woken: string | null = null;
  if (waiting?.kind === 'sleep' && isSleepDue(waiting, now)) {
    woken = waiting.nodeId;
    out.push({ type: 'sleep_woken', at, nodeId: waiting.nodeId }, { type: 'node_succeeded', at, nodeId: waiting.nodeId });
  }
  const stillWaiting = woken ? null : (waiting?.nodeId ?? null);
  for (const [nodeId, node] of Object.entries(state.nodes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (node.status === 'running' && nodeId !== woken && nodeId !== stillWaiting) out.push({ type: 'node_requeued', at, nodeId, reason });
  }
  return out;
}

export const HEARTBEAT_STATES = ['ok', 'lost', 'cancelled', 'paused', 'finished'] as const;
/** `ok`: keep going (lease extended). Anything else: stop this run's processes now. */
export type HeartbeatState = (typeof HEARTBEAT_STATES)[number];

/**
 * What a heartbeat tells a runner about one run. The run's phase wins (cancelled, paused, finished:
 * stop), then the lease: `lost` unless this runner still holds it unexpired.
 */
export function heartbeatState(run: LeaseFields | null, runnerId: string, now: Date): HeartbeatState {
  if (!run) return 'lost';
  switch (run.phase) {
    case 'cancelled':
      return 'cancelled';
    case 'paused':
      return 'paused';
    case 'finished':
    case 'setuperror':
      return 'finished';
    case 'queued':
    case 'running':
      return holdsLease(run, now, runnerId) ? 'ok' : 'lost';
    default: {
      const never: never = run.phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}

/** A run's lease as the run page shows it; null when there is nothing to say (no lease, or the run ended). */
export type LeaseStatus = { kind: 'held'; owner: string; until: string; indefinite: boolean } | { kind: 'expired'; owner: string; since: string };

export function leaseStatus(run: Pick<LeaseFields, 'phase' | 'leaseOwner' | 'leaseExpiresAt'>, now: Date): LeaseStatus | null {
  if (!isActive(run.phase)) return null;
  if (!run.leaseOwner || !run.leaseExpiresAt) return null;
  if (holdsLease(run, now)) {
    return { kind: 'held', owner: run.leaseOwner, until: run.leaseExpiresAt, indefinite: ms(run.leaseExpiresAt) >= ms(INDEFINITE_LEASE) };
  }
  return { kind: 'expired', owner: run.leaseOwner, since: run.leaseExpiresAt };
}

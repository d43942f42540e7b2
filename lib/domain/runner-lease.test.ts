import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, INGEST_EVENT_TYPES } from './event-types';
import { initialNode, type RunState, type Waiting } from './run-machine';
import { ACTIVE_PHASES, RUN_PHASES, type RunPhase } from './run-phase';
import {
  CLAIMABLE_PHASES,
  claimEvents,
  HOOK_TOKEN_PATTERN,
  heartbeatState,
  holdsLease,
  INDEFINITE_LEASE,
  isClaimable,
  isClaimablePhase,
  isSleepDue,
  type LeaseFields,
  leaseStatus,
  RUNNER_HOOK_TOKEN_PATTERN,
  RUNNER_ID_PATTERN,
  requeueReason,
} from './runner-lease';

const now = new Date('2026-11-01T12:00:00.000Z');
const before = '2026-11-01T11:59:59.000Z';
const after = '2026-11-01T12:00:01.000Z';
const lease = (over: Partial<LeaseFields> = {}): LeaseFields => ({ phase: 'running', waiting: null, leaseOwner: null, leaseExpiresAt: null, ...over });
const sleep = (until: string): Waiting => ({ kind: 'sleep', nodeId: 'nap', until });
const hook: Waiting = { kind: 'hook', nodeId: 'gate', token: 'tok-12345678', since: before };

describe('holdsLease', () => {
  it('is true only for an unexpired lease, of the named runner when one is named', () => {
    expect(holdsLease(lease({ leaseOwner: 'r1', leaseExpiresAt: after }), now)).toBe(true);
    expect(holdsLease(lease({ leaseOwner: 'r1', leaseExpiresAt: after }), now, 'r1')).toBe(true);
    expect(holdsLease(lease({ leaseOwner: 'r1', leaseExpiresAt: after }), now, 'r2')).toBe(false);
    expect(holdsLease(lease({ leaseOwner: 'r1', leaseExpiresAt: now.toISOString() }), now, 'r1')).toBe(false);
    expect(holdsLease(lease(), now)).toBe(false);
  });
});

describe('isSleepDue / isClaimable', () => {
  it('a sleep is due at its wake time', () => {
    expect(isSleepDue(sleep(now.toISOString()), now)).toBe(true);
    expect(isSleepDue(sleep(after), now)).toBe(false);
    expect(isSleepDue(hook, now)).toBe(false);
    expect(isSleepDue(null, now)).toBe(false);
  });

  const cases: [string, LeaseFields, boolean][] = [
    ['queued, no lease', lease({ phase: 'queued' }), true],
    ['running, lease expired', lease({ leaseOwner: 'r1', leaseExpiresAt: before }), true],
    ['running, lease held', lease({ leaseOwner: 'r1', leaseExpiresAt: after }), false],
    ['paused', lease({ phase: 'paused' }), false],
    ['finished', lease({ phase: 'finished' }), false],
    ['setuperror', lease({ phase: 'setuperror' }), false],
    ['asleep, not due', lease({ waiting: sleep(after) }), false],
    ['asleep, due', lease({ waiting: sleep(before) }), true],
    ['waiting on a hook', lease({ waiting: hook }), false],
    ['demo lease', lease({ leaseOwner: 'demo', leaseExpiresAt: INDEFINITE_LEASE }), false],
  ];
  it.each(cases)('%s', (_name, run, expected) => {
    expect(isClaimable(run, now)).toBe(expected);
  });

  it('claimable phases are the active ones but paused', () => {
    expect(RUN_PHASES.filter(isClaimablePhase)).toEqual([...CLAIMABLE_PHASES]);
    expect(ACTIVE_PHASES.filter((p) => !isClaimablePhase(p))).toEqual(['paused']);
  });
});

function state(phase: RunPhase, nodes: Record<string, Partial<ReturnType<typeof initialNode>>>, waiting: Waiting | null = null): RunState {
  return {
    run: { phase, result: 'unknown', waiting, startedAt: null, finishedAt: null, output: null, error: null },
    nodes: Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, { ...initialNode(), ...n }])),
  };
}

describe('claimEvents', () => {
  const at = now.toISOString();
  it('starts a queued run', () => {
    expect(claimEvents(state('queued', { a: {} }), now, 'r')).toEqual([{ type: 'run_started', at }]);
  });

  it('wakes a due sleep and succeeds its node', () => {
    expect(claimEvents(state('running', { nap: { status: 'running' } }, sleep(before)), now, 'r')).toEqual([
      { type: 'sleep_woken', at, nodeId: 'nap' },
      { type: 'node_succeeded', at, nodeId: 'nap' },
    ]);
  });

  it('starts a queued run that kept a due sleep through an upgrade, then wakes it', () => {
    expect(claimEvents(state('queued', { nap: { status: 'running' } }, sleep(before)), now, 'r').map((e) => e.type)).toEqual([
      'run_started',
      'sleep_woken',
      'node_succeeded',
    ]);
  });

  it('requeues steps left running, in node order, but never the node the run waits on', () => {
    const s = state('running', { b: { status: 'running' }, a: { status: 'running' }, c: { status: 'success' }, gate: { status: 'running' } }, hook);
    expect(claimEvents(s, now, 'lease of runner r1 expired')).toEqual([
      { type: 'node_requeued', at, nodeId: 'a', reason: 'lease of runner r1 expired' },
      { type: 'node_requeued', at, nodeId: 'b', reason: 'lease of runner r1 expired' },
    ]);
  });

  it('appends nothing for a running run with nothing in flight', () => {
    expect(claimEvents(state('running', { a: { status: 'success' }, b: {} }), now, 'r')).toEqual([]);
  });
});

describe('requeueReason', () => {
  it('names the runner and when its lease expired, or that it let go', () => {
    expect(requeueReason({ owner: 'r1', expiresAt: before }, now)).toBe(`lease of runner r1 expired at ${before}`);
    expect(requeueReason({ owner: 'r1', expiresAt: after }, now)).toBe('runner r1 gave up its lease');
    expect(requeueReason({ owner: null, expiresAt: null }, now)).toBe('no runner held the run');
  });
});

describe('heartbeatState', () => {
  const held = { leaseOwner: 'r1', leaseExpiresAt: after };
  const cases: [string, LeaseFields | null, string][] = [
    ['held and running', lease(held), 'ok'],
    ['held and queued', lease({ ...held, phase: 'queued' }), 'ok'],
    ['another runner', lease({ leaseOwner: 'r2', leaseExpiresAt: after }), 'lost'],
    ['expired', lease({ leaseOwner: 'r1', leaseExpiresAt: before }), 'lost'],
    ['released', lease(), 'lost'],
    ['unknown run', null, 'lost'],
    ['cancelled', lease({ ...held, phase: 'cancelled' }), 'cancelled'],
    ['paused', lease({ ...held, phase: 'paused' }), 'paused'],
    ['finished', lease({ ...held, phase: 'finished' }), 'finished'],
    ['setuperror', lease({ phase: 'setuperror' }), 'finished'],
  ];
  it.each(cases)('%s → %s', (_name, run, expected) => {
    expect(heartbeatState(run, 'r1', now)).toBe(expected);
  });
});

describe('leaseStatus', () => {
  it('held (with indefinite for the demo), expired, or nothing for ended or unleased runs', () => {
    expect(leaseStatus(lease({ leaseOwner: 'r1', leaseExpiresAt: after }), now)).toEqual({ kind: 'held', owner: 'r1', until: after, indefinite: false });
    expect(leaseStatus(lease({ leaseOwner: 'demo', leaseExpiresAt: INDEFINITE_LEASE }), now)).toMatchObject({ kind: 'held', indefinite: true });
    expect(leaseStatus(lease({ leaseOwner: 'r1', leaseExpiresAt: before }), now)).toEqual({ kind: 'expired', owner: 'r1', since: before });
    expect(leaseStatus(lease({ phase: 'finished', leaseOwner: 'r1', leaseExpiresAt: after }), now)).toBeNull();
    expect(leaseStatus(lease(), now)).toBeNull();
  });
});

describe('patterns and event lists', () => {
  it('accepts sane runner ids and tokens, and refuses short runner tokens', () => {
    expect(RUNNER_ID_PATTERN.test('host-1:worker.2_a')).toBe(true);
    expect(RUNNER_ID_PATTERN.test('has space')).toBe(false);
    expect(RUNNER_ID_PATTERN.test('x'.repeat(101))).toBe(false);
    expect(HOOK_TOKEN_PATTERN.test('hook-token-1')).toBe(true);
    expect(HOOK_TOKEN_PATTERN.test('a/b')).toBe(false);
    expect(RUNNER_HOOK_TOKEN_PATTERN.test(`hk_${'A'.repeat(32)}`)).toBe(true);
    expect(RUNNER_HOOK_TOKEN_PATTERN.test('hook-token-1')).toBe(false);
  });

  it('node_requeued is an event type the store writes, not one engines send', () => {
    expect(EVENT_TYPES).toContain('node_requeued');
    expect(INGEST_EVENT_TYPES).not.toContain('node_requeued');
  });
});

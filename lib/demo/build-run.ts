import type { EventRow, NodeRow, RunRow } from '@/lib/db/schema';
import { failureReason, stepsOf } from '@/lib/domain/failure-reason';
import { applyEvents, initialNode, type RunEvent, type RunState } from '@/lib/domain/run-machine';
import { isActive, type RunPhase } from '@/lib/domain/run-phase';
import { DEMO_LEASE_OWNER, INDEFINITE_LEASE } from '@/lib/domain/runner-lease';
import { eventData } from '@/lib/ingest/write-batch';
import { personEmail } from './inputs';
import type { Rng } from './random';
import { idlePoints, type PreparedWorkflow, type SimEvent, type Timeline } from './simulate';

/**
 * Where a run's story stops. `normal` runs go as far as the anchor ("now") lets them: finished, or still
 * running, sleeping or waiting on a hook. The others are stopped on purpose.
 */
export type Fate = 'normal' | 'cancel' | 'pause' | 'running' | 'queued';

const CANCEL_REASONS = ['superseded by a newer commit', 'wrong environment selected', 'stuck waiting for approval', 'requested by the release manager'];
const PAUSE_REASONS = ['investigating flaky smoke tests', 'change freeze in effect', 'waiting for an upstream incident to clear'];

function shifted(e: SimEvent, by: number): SimEvent {
  return e.until === undefined ? { ...e, t: e.t + by } : { ...e, t: e.t + by, until: e.until + by };
}

function prefixUntil(events: readonly SimEvent[], t: number, inclusive: boolean): SimEvent[] {
  let end = 0;
  while (end < events.length && (inclusive ? events[end]!.t <= t : events[end]!.t < t)) end++;
  return events.slice(0, end);
}

/** Inserts an operator's pause and later resume at an idle point; everything after moves later. */
export function withPauseResume(events: SimEvent[], anchor: number, rng: Rng, groupPath: string): SimEvent[] {
  const points = idlePoints(events, anchor);
  if (points.length === 0) return events;
  const i = rng.pick(points);
  const at = events[i]!.t;
  const pause = rng.int(120_000, 7_200_000);
  return [
    ...events.slice(0, i + 1),
    { t: at, type: 'run_paused', data: { reason: `paused by ${personEmail(rng, groupPath)}: ${rng.pick(PAUSE_REASONS)}` } },
    { t: at + pause, type: 'run_resumed', data: {} },
    ...events.slice(i + 1).map((e) => shifted(e, pause)),
  ];
}

/** The events of a run as recorded by the anchor, given its fate. */
export function cutTimeline(timeline: Timeline, fate: Fate, createdAt: number, anchor: number, rng: Rng, groupPath: string): SimEvent[] {
  const events = timeline.events;
  switch (fate) {
    case 'normal':
      return prefixUntil(events, anchor, true);
    case 'queued':
      return [];
    case 'cancel': {
      const last = events[events.length - 1]!.t;
      const lo = createdAt + 1_000;
      const hi = Math.min(last - 1, anchor);
      const at = hi > lo ? rng.int(lo, hi) : Math.min(lo, anchor);
      const reason = `cancelled by ${personEmail(rng, groupPath)}: ${rng.pick(CANCEL_REASONS)}`;
      return [...prefixUntil(events, at, false), { t: at, type: 'run_cancelled', data: { reason } }];
    }
    case 'pause': {
      const points = idlePoints(events, anchor);
      if (points.length === 0) return prefixUntil(events, anchor, true);
      const i = rng.pick(points);
      const reason = `paused by ${personEmail(rng, groupPath)}: ${rng.pick(PAUSE_REASONS)}`;
      return [...events.slice(0, i + 1), { t: events[i]!.t, type: 'run_paused', data: { reason } }];
    }
    case 'running': {
      const starts = events.flatMap((e, i) => (e.type === 'node_started' && e.t < anchor ? [i] : []));
      if (starts.length === 0) return prefixUntil(events, anchor, true);
      const j = rng.pick(starts);
      const started = events[j]!;
      const next = events.find((e, k) => k > j && e.nodeId === started.nodeId && e.type !== 'node_started');
      const at = Math.min(anchor, started.t + Math.floor(((next?.t ?? anchor) - started.t) * rng.float(0.2, 0.8)));
      return prefixUntil(events, Math.max(at, started.t), true);
    }
    default: {
      const never: never = fate;
      throw new Error(`unknown fate ${String(never)}`);
    }
  }
}

const iso = (t: number) => new Date(t).toISOString();

/** A simulated event as the engine would send it to the ingest API. */
export function toRunEvent(e: SimEvent): RunEvent {
  const event: Record<string, unknown> = { type: e.type, at: iso(e.t) };
  if (e.nodeId !== undefined) event.nodeId = e.nodeId;
  Object.assign(event, e.data);
  if (e.until !== undefined) event.until = iso(e.until);
  return event as unknown as RunEvent;
}

/** The state a run starts in once created: queued, every node pending. */
export function initialRunState(stepIds: readonly string[]): RunState {
  return {
    run: { phase: 'queued', result: 'unknown', waiting: null, startedAt: null, finishedAt: null, output: null, error: null },
    nodes: Object.fromEntries(stepIds.map((id) => [id, initialNode()])),
  };
}

export interface RunIdentity {
  id: string;
  workflow: PreparedWorkflow;
  versionId: string;
  groupPath: string;
  input: unknown;
  createdAt: number;
}

export interface RunRows {
  run: RunRow;
  nodes: NodeRow[];
  events: EventRow[];
}

const date = (s: string | null) => (s === null ? null : new Date(s));

function runRow(r: RunIdentity, patch: Partial<RunRow>): RunRow {
  const createdAt = new Date(r.createdAt);
  return {
    id: r.id,
    workflow: r.workflow.name,
    versionId: r.versionId,
    groupPath: r.groupPath,
    input: r.input,
    output: null,
    error: null,
    setupErrors: null,
    failureReason: null,
    phase: 'queued',
    result: 'unknown',
    waiting: null,
    createdAt,
    startedAt: null,
    finishedAt: null,
    updatedAt: createdAt,
    rowVersion: 1,
    lastSeq: 1,
    upgradedFrom: null,
    upgradedTo: null,
    upgradeStrategy: null,
    stranded: false,
    leaseOwner: null,
    leaseExpiresAt: null,
    source: 'flowdeck',
    externalId: null,
    engineStatus: null,
    workflowRef: null,
    importDigest: null,
    admittedWhileDraining: false,
    ...patch,
  };
}

/**
 * Demo runs are moved by a simulated engine, never by a runner: every active one is leased to `demo`
 * indefinitely, so no runner claims it (its page says who holds it).
 */
function demoLease(phase: RunPhase): Pick<RunRow, 'leaseOwner' | 'leaseExpiresAt'> {
  return isActive(phase) ? { leaseOwner: DEMO_LEASE_OWNER, leaseExpiresAt: new Date(INDEFINITE_LEASE) } : { leaseOwner: null, leaseExpiresAt: null };
}

/** A run refused at creation: `setuperror` with its errors, no nodes, only the `run_created` event. */
export function setupErrorRows(r: RunIdentity, setupErrors: string[]): RunRows {
  const run = runRow(r, {
    phase: 'setuperror',
    setupErrors,
    failureReason: failureReason({ phase: 'setuperror', result: 'unknown', error: null, setupErrors }, []),
  });
  const created: EventRow = {
    runId: r.id,
    seq: 1,
    type: 'run_created',
    nodeId: null,
    at: run.createdAt,
    data: { phase: 'setuperror', versionId: r.versionId },
    engineId: null,
    engineType: null,
  };
  return { run, nodes: [], events: [created] };
}

/** Rows of a created run and its recorded events: run and node state are the projection of those events. */
export function runRows(r: RunIdentity, recorded: readonly SimEvent[], published: Record<string, string>): RunRows {
  const stepIds = r.workflow.definition.steps.map((s) => s.id);
  const runEvents = recorded.map(toRunEvent);
  const state = applyEvents(initialRunState(stepIds), runEvents);
  const lastSeq = runEvents.length + 1;
  const lastAt = recorded.length > 0 ? recorded[recorded.length - 1]!.t : r.createdAt;
  const run = runRow(r, {
    phase: state.run.phase,
    result: state.run.result,
    waiting: state.run.waiting,
    output: state.run.output,
    error: state.run.error,
    failureReason: failureReason({ ...state.run, setupErrors: null }, stepsOf(state.nodes)),
    startedAt: date(state.run.startedAt),
    finishedAt: date(state.run.finishedAt),
    updatedAt: new Date(lastAt),
    rowVersion: lastSeq,
    lastSeq,
    ...demoLease(state.run.phase),
  });
  const nodes =
    r.workflow.steps.length === 0
      ? []
      : stepIds.map((nodeId): NodeRow => {
          const n = state.nodes[nodeId]!;
          const step = r.workflow.byId.get(nodeId)!;
          return {
            runId: r.id,
            nodeId,
            action: step.action,
            signature: step.signature,
            needs: step.needs,
            status: n.status,
            attempt: n.attempt,
            startedAt: date(n.startedAt),
            finishedAt: date(n.finishedAt),
            input: null,
            output: n.output,
            error: n.error,
            artifactManifest: n.status === 'success' ? (published[nodeId] ?? null) : null,
            stagedManifests: n.stagedManifests,
            reusedFrom: null,
          };
        });
  const events: EventRow[] = [
    {
      runId: r.id,
      seq: 1,
      type: 'run_created',
      nodeId: null,
      at: run.createdAt,
      data: { phase: 'queued', versionId: r.versionId },
      engineId: null,
      engineType: null,
    },
    ...runEvents.map(
      (e, i): EventRow => ({
        runId: r.id,
        seq: i + 2,
        type: e.type,
        nodeId: 'nodeId' in e ? e.nodeId : null,
        at: new Date(e.at),
        data: eventData(e),
        engineId: null,
        engineType: null,
      }),
    ),
  ];
  return { run, nodes, events };
}

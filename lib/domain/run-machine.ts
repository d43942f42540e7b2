import type { NodeStatus } from './node-status';
import { isNodeTerminal } from './node-status';
import { ownValue } from './own';
import { ACTIVE_PHASES, type FinishResult, type RunPhase, type RunResult } from './run-phase';

/** An active run that is idle: asleep until a time, or waiting on a hook. */
export type Waiting = { kind: 'sleep'; nodeId: string; until: string } | { kind: 'hook'; nodeId: string; token: string; since: string };

export type RunEvent =
  | { type: 'run_started'; at: string }
  | { type: 'run_paused'; at: string; reason?: string }
  | { type: 'run_resumed'; at: string }
  | { type: 'run_cancelled'; at: string; reason?: string }
  | { type: 'run_finished'; at: string; result: FinishResult; output?: unknown; error?: unknown }
  | { type: 'node_started'; at: string; nodeId: string; staged?: Record<string, string> }
  | { type: 'node_succeeded'; at: string; nodeId: string; output?: unknown }
  | { type: 'node_failed'; at: string; nodeId: string; error?: unknown }
  | { type: 'node_skipped'; at: string; nodeId: string; reason?: string }
  /** A step left running when its runner's lease ended goes back to pending, to be executed again. */
  | { type: 'node_requeued'; at: string; nodeId: string; reason: string }
  | { type: 'sleep_started'; at: string; nodeId: string; until: string }
  | { type: 'sleep_woken'; at: string; nodeId: string }
  | { type: 'hook_created'; at: string; nodeId: string; token: string }
  | { type: 'hook_received'; at: string; nodeId: string; token: string; payload?: unknown };

export interface RunSnapshot {
  phase: RunPhase;
  result: RunResult;
  waiting: Waiting | null;
  startedAt: string | null;
  finishedAt: string | null;
  output: unknown;
  error: unknown;
}

export interface NodeSnapshot {
  status: NodeStatus;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  output: unknown;
  error: unknown;
  /** Producer node id → manifest digest staged from it. */
  stagedManifests: Record<string, string>;
}

export interface RunState {
  run: RunSnapshot;
  nodes: Record<string, NodeSnapshot>;
}

export class TransitionError extends Error {
  constructor(
    readonly eventType: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

function refuse(event: { type: string }, why: string): never {
  throw new TransitionError(event.type, `${event.type} refused: ${why}`);
}

function requirePhase(state: RunState, event: RunEvent, allowed: readonly RunPhase[]): void {
  if (!allowed.includes(state.run.phase)) refuse(event, `run is ${state.run.phase}, expected ${allowed.join(' or ')}`);
}

function nodeOf(state: RunState, event: RunEvent & { nodeId: string }): NodeSnapshot {
  const node = ownValue(state.nodes, event.nodeId);
  if (!node) refuse(event, `run has no node "${event.nodeId}"`);
  return node;
}

/** Node maps that applyEvents copied for one batch: updated in place, never a caller's map. */
const batchMaps = new WeakSet<Record<string, NodeSnapshot>>();

function withNode(state: RunState, nodeId: string, patch: Partial<NodeSnapshot>): RunState {
  const node = { ...(state.nodes[nodeId] as NodeSnapshot), ...patch };
  if (batchMaps.has(state.nodes)) {
    state.nodes[nodeId] = node;
    return { ...state };
  }
  return { ...state, nodes: { ...state.nodes, [nodeId]: node } };
}

function withRun(state: RunState, patch: Partial<RunSnapshot>): RunState {
  return { ...state, run: { ...state.run, ...patch } };
}

/** Applies one event to a run and its nodes, or throws TransitionError for an impossible transition. */
export function applyEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'run_started':
      requirePhase(state, event, ['queued']);
      return withRun(state, { phase: 'running', startedAt: state.run.startedAt ?? event.at });
    case 'run_paused':
      requirePhase(state, event, ['queued', 'running']);
      return withRun(state, { phase: 'paused' });
    case 'run_resumed':
      requirePhase(state, event, ['paused']);
      return withRun(state, { phase: 'running', startedAt: state.run.startedAt ?? event.at });
    case 'run_cancelled': {
      requirePhase(state, event, ACTIVE_PHASES);
      const nodes = Object.fromEntries(
        Object.entries(state.nodes).map(([id, n]) => [id, isNodeTerminal(n.status) ? n : { ...n, status: 'cancelled' as const, finishedAt: event.at }]),
      );
      return { nodes, run: { ...state.run, phase: 'cancelled', result: 'stopped', waiting: null, finishedAt: event.at } };
    }
    case 'run_finished': {
      requirePhase(state, event, ['running']);
      const open = Object.entries(state.nodes).filter(([, n]) => !isNodeTerminal(n.status));
      if (open.length > 0) refuse(event, `nodes not finished: ${open.map(([id]) => id).join(', ')}`);
      return withRun(state, {
        phase: 'finished',
        result: event.result,
        waiting: null,
        finishedAt: event.at,
        output: event.output ?? null,
        error: event.error ?? null,
      });
    }
    case 'node_started': {
      requirePhase(state, event, ['running']);
      const node = nodeOf(state, event);
      if (node.status !== 'pending' && node.status !== 'failed') refuse(event, `node "${event.nodeId}" is ${node.status}`);
      for (const producer of Object.keys(event.staged ?? {})) {
        if (!ownValue(state.nodes, producer)) refuse(event, `staged from unknown node "${producer}"`);
      }
      return withNode(state, event.nodeId, {
        status: 'running',
        attempt: node.attempt + 1,
        startedAt: event.at,
        finishedAt: null,
        error: null,
        ...(event.staged ? { stagedManifests: { ...node.stagedManifests, ...event.staged } } : {}),
      });
    }
    case 'node_succeeded':
    case 'node_failed': {
      requirePhase(state, event, ['running']);
      const node = nodeOf(state, event);
      if (node.status !== 'running') refuse(event, `node "${event.nodeId}" is ${node.status}, not running`);
      if (state.run.waiting?.nodeId === event.nodeId) refuse(event, `node "${event.nodeId}" is still waiting (${state.run.waiting.kind})`);
      return event.type === 'node_succeeded'
        ? withNode(state, event.nodeId, { status: 'success', finishedAt: event.at, output: event.output ?? null })
        : withNode(state, event.nodeId, { status: 'failed', finishedAt: event.at, error: event.error ?? null });
    }
    case 'node_skipped': {
      requirePhase(state, event, ['running']);
      const node = nodeOf(state, event);
      if (node.status !== 'pending') refuse(event, `node "${event.nodeId}" is ${node.status}, not pending`);
      return withNode(state, event.nodeId, { status: 'skipped', finishedAt: event.at });
    }
    case 'node_requeued': {
      requirePhase(state, event, ['running']);
      const node = nodeOf(state, event);
      if (node.status !== 'running') refuse(event, `node "${event.nodeId}" is ${node.status}, not running`);
      if (state.run.waiting?.nodeId === event.nodeId) refuse(event, `node "${event.nodeId}" is waiting (${state.run.waiting.kind}), not executing`);
      return withNode(state, event.nodeId, { status: 'pending', startedAt: null, finishedAt: null, output: null, error: null });
    }
    case 'sleep_started':
    case 'hook_created': {
      requirePhase(state, event, ['running']);
      const node = nodeOf(state, event);
      if (node.status !== 'running') refuse(event, `node "${event.nodeId}" is ${node.status}, not running`);
      if (state.run.waiting) refuse(event, `run is already waiting (${state.run.waiting.kind})`);
      const waiting: Waiting =
        event.type === 'sleep_started'
          ? { kind: 'sleep', nodeId: event.nodeId, until: event.until }
          : { kind: 'hook', nodeId: event.nodeId, token: event.token, since: event.at };
      return withRun(state, { waiting });
    }
    case 'sleep_woken': {
      requirePhase(state, event, ['running']);
      const w = state.run.waiting;
      if (w?.kind !== 'sleep' || w.nodeId !== event.nodeId) refuse(event, `node "${event.nodeId}" is not sleeping`);
      return withRun(state, { waiting: null });
    }
    case 'hook_received': {
      requirePhase(state, event, ['running']);
      const w = state.run.waiting;
      if (w?.kind !== 'hook' || w.nodeId !== event.nodeId) refuse(event, `node "${event.nodeId}" is not waiting on a hook`);
      if (w.token !== event.token) refuse(event, 'hook token does not match');
      return withRun(state, { waiting: null });
    }
    default: {
      const never: never = event;
      throw new TransitionError(String((never as { type: string }).type), 'unknown event type');
    }
  }
}

/**
 * Applies events in order; the first impossible one throws with its index. The nodes map is copied once for
 * the batch rather than once per event (a batch of n events on m nodes would copy n × m entries); the
 * caller's state is never changed, and a node no event touched keeps its identity.
 */
export function applyEvents(state: RunState, events: readonly RunEvent[]): RunState {
  const nodes = { ...state.nodes };
  batchMaps.add(nodes);
  try {
    return events.reduce(
      (s, event, index) => {
        try {
          return applyEvent(s, event);
        } catch (err) {
          if (err instanceof TransitionError) throw new TransitionError(err.eventType, `event ${index}: ${err.message}`);
          throw err;
        }
      },
      { ...state, nodes },
    );
  } finally {
    batchMaps.delete(nodes);
  }
}

export function initialNode(): NodeSnapshot {
  return { status: 'pending', attempt: 0, startedAt: null, finishedAt: null, output: null, error: null, stagedManifests: {} };
}

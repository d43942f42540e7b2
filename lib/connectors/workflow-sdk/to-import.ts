import type { ImportEvent, ImportNode, ImportRun, ImportVersion } from '@/lib/contract/engine-import';
import type { StepDefinition, VersionManifest } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import { isPrototypeKey } from '@/lib/domain/own';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';
import { capJson, DEFAULT_VALUE_CAP_BYTES, decodedOrStandIn, isSerializedBytes, type Json, toJson } from './decode';
import type { SdkEvent, SdkRunSnapshot } from './types';

/**
 * One Workflow SDK run → Flowdeck's import shape (lib/contract/engine-import.ts). Pure: no I/O, no clock, so the
 * same snapshot always maps to the same ImportRun (the sync compares digests).
 *
 * Nodes: one per SDK step (node id = the step's short name, `.2`, `.3` … for its later calls), one per wait
 * (`sleep`, `sleep.2` …) and one per hook (`hook`, `hook.2` …), numbered in the order the event log created
 * them. Waits and hooks come from the event log, since both worlds delete their entities when a run ends.
 * A wait or hook is running while waited on and success once done (a hook on its first payload); one the
 * run ended without is cancelled.
 */
export interface ToImportOptions {
  versionKey: string;
  /** Cap on a run's or node's input/output (default 64 KB); larger values become a `$truncated` preview. */
  maxValueBytes?: number;
  /** Cap on each value in an event's data (default 16 KB). */
  maxEventValueBytes?: number;
}

const RUN_STATES: Record<string, [RunPhase, RunResult]> = {
  pending: ['queued', 'unknown'],
  running: ['running', 'unknown'],
  completed: ['finished', 'success'],
  failed: ['finished', 'failed'],
  cancelled: ['cancelled', 'stopped'],
};
const STEP_STATES: Record<string, NodeStatus> = { pending: 'pending', running: 'running', completed: 'success', failed: 'failed', cancelled: 'cancelled' };
/** Events that bring a node into being; a hook refused for its token (hook_conflict) gets one too, failed. */
const CREATES: Record<string, ImportNode['kind']> = { step_created: 'step', wait_created: 'sleep', hook_created: 'hook', hook_conflict: 'hook' };
const ENDS = new Set(['step_completed', 'step_failed', 'wait_completed', 'hook_received', 'hook_disposed', 'hook_conflict']);
/** eventData fields that hold serialized values (EVENT_DATA_REF_FIELDS of @workflow/world). */
const VALUE_FIELDS = new Set(['input', 'output', 'result', 'payload', 'metadata']);

/** A Flowdeck name from an SDK name: `step//./workflows/order//chargeCard` → `chargeCard`. */
export function shortName(sdkName: string): string {
  const last = sdkName.split('//').filter(Boolean).pop() ?? sdkName;
  let id = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 190);
  if (!/^[A-Za-z0-9_]/.test(id)) id = `_${id}`;
  return isPrototypeKey(id) ? `${id}_` : id;
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function structuredError(raw: unknown, withCode: boolean): Json | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return { message: raw };
  const e = toJson(raw);
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return { message: JSON.stringify(e) };
  const message = typeof e.message === 'string' ? e.message : JSON.stringify(e);
  return { message, ...(typeof e.stack === 'string' ? { stack: e.stack } : {}), ...(withCode && typeof e.code === 'string' ? { code: e.code } : {}) };
}

/** A step's input is `{ args, closureVars?, thisVal? }`: shown as its args when that is all there is. */
function stepArgs(value: Json): Json {
  if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.args) && Object.keys(value).every((k) => k === 'args'))
    return value.args;
  return value;
}

interface Draft {
  node: ImportNode;
  key: string; // correlation id (step id, wait correlation id, hook id)
  order: number;
  createdAt: number;
}

export function toImportRun(snapshot: SdkRunSnapshot, options: ToImportOptions): ImportRun {
  const { run, events } = snapshot;
  const valueCap = options.maxValueBytes ?? 64 * 1024;
  const eventCap = options.maxEventValueBytes ?? DEFAULT_VALUE_CAP_BYTES;
  const value = (raw: unknown) => capJson(decodedOrStandIn(raw), valueCap);
  const [phase, result] = RUN_STATES[run.status] ?? [run.completedAt ? 'finished' : 'running', 'unknown'];
  const active = phase === 'queued' || phase === 'running';

  // Creation order: the position of the creating event in the log; entities without one come after.
  const created = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.correlationId && CREATES[e.eventType] && !created.has(e.correlationId)) created.set(e.correlationId, i);
  });
  const byCorrelation = new Map<string, SdkEvent[]>();
  for (const e of events) {
    if (!e.correlationId) continue;
    const list = byCorrelation.get(e.correlationId);
    if (list) list.push(e);
    else byCorrelation.set(e.correlationId, [e]);
  }
  const first = (key: string, type: string) => byCorrelation.get(key)?.find((e) => e.eventType === type);
  const drafts: Draft[] = [];
  const draft = (key: string, createdAt: Date, node: Omit<ImportNode, 'nodeId' | 'needs'>) =>
    drafts.push({ key, createdAt: createdAt.getTime(), order: created.get(key) ?? Number.MAX_SAFE_INTEGER, node: { nodeId: '', needs: [], ...node } });

  for (const s of snapshot.steps) {
    draft(s.stepId, s.createdAt, {
      kind: 'step',
      name: s.stepName.slice(0, 500),
      status: STEP_STATES[s.status] ?? 'pending',
      attempt: s.attempt,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.completedAt),
      ...(s.input !== undefined ? { input: stepArgs(value(s.input)) } : {}),
      ...(s.output !== undefined && s.status === 'completed' ? { output: value(s.output) } : {}),
      // A step that succeeded after a retry keeps the retry's error in the SDK; its events show it.
      ...(s.error !== undefined && s.error !== null && s.status !== 'completed' ? { error: structuredError(s.error, false) } : {}),
    });
  }

  const waits = new Map<string, { createdAt: Date; resumeAt?: Date }>();
  for (const e of events)
    if (e.eventType === 'wait_created' && e.correlationId) waits.set(e.correlationId, { createdAt: e.createdAt, resumeAt: asDate(e.eventData?.resumeAt) });
  for (const w of snapshot.waits) {
    const key = w.waitId.startsWith(`${run.runId}-`) ? w.waitId.slice(run.runId.length + 1) : w.waitId;
    if (!waits.has(key)) waits.set(key, { createdAt: w.createdAt, resumeAt: w.resumeAt });
  }
  for (const [key, w] of waits) {
    const entity = snapshot.waits.find((x) => x.waitId === `${run.runId}-${key}` || x.waitId === key);
    const done = first(key, 'wait_completed') ?? (entity?.status === 'completed' ? { createdAt: entity.completedAt ?? entity.updatedAt } : undefined);
    draft(key, w.createdAt, {
      kind: 'sleep',
      name: 'sleep',
      status: done ? 'success' : active ? 'running' : 'cancelled',
      attempt: 1,
      startedAt: iso(w.createdAt),
      finishedAt: done ? iso(done.createdAt) : null,
      ...(w.resumeAt ? { input: { resumeAt: w.resumeAt.toISOString() } } : {}),
    });
  }

  const hooks = new Map<string, { createdAt: Date; token?: string; metadata?: unknown }>();
  for (const e of events) {
    if ((e.eventType === 'hook_created' || e.eventType === 'hook_conflict') && e.correlationId && !hooks.has(e.correlationId)) {
      hooks.set(e.correlationId, { createdAt: e.createdAt, token: asString(e.eventData?.token), metadata: e.eventData?.metadata });
    }
  }
  for (const h of snapshot.hooks) if (!hooks.has(h.hookId)) hooks.set(h.hookId, { createdAt: h.createdAt, token: h.token, metadata: h.metadata });
  const hookTokens = new Map<string, string>();
  for (const [key, h] of hooks) {
    if (h.token) hookTokens.set(key, h.token);
    const received = first(key, 'hook_received');
    const conflict = first(key, 'hook_conflict');
    const disposed = first(key, 'hook_disposed');
    const status: NodeStatus = conflict ? 'failed' : received ? 'success' : disposed || !active ? 'cancelled' : 'running';
    const ended = conflict ?? received ?? disposed;
    draft(key, h.createdAt, {
      kind: 'hook',
      name: 'hook',
      status,
      attempt: 1,
      startedAt: iso(h.createdAt),
      finishedAt: ended ? iso(ended.createdAt) : null,
      ...(h.metadata !== undefined && h.metadata !== null ? { input: { metadata: value(h.metadata) } } : {}),
      ...(received?.eventData && 'payload' in received.eventData ? { output: value(received.eventData.payload) } : {}),
      ...(conflict ? { error: { message: 'hook token already in use by another run' } } : {}),
    });
  }

  drafts.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  const nodeIdOf = new Map<string, string>();
  for (const d of drafts) {
    const base = d.node.kind === 'step' ? shortName(d.node.name) : d.node.kind;
    let n = counts.get(base) ?? 0;
    let id: string;
    do id = ++n === 1 ? base : `${base}.${n}`;
    while (taken.has(id));
    counts.set(base, n);
    taken.add(id);
    d.node.nodeId = id;
    nodeIdOf.set(d.key, id);
  }
  inferNeeds(events, nodeIdOf, drafts);

  return {
    externalId: run.runId,
    versionKey: options.versionKey,
    workflow: shortName(run.workflowName),
    workflowRef: run.workflowName,
    engineStatus: run.status,
    phase,
    result,
    waiting: active ? waitingOf(drafts, nodeIdOf, waits, hooks, hookTokens) : null,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.completedAt),
    input: run.input === undefined ? null : value(run.input),
    ...(run.output !== undefined && run.status === 'completed' ? { output: value(run.output) } : {}),
    ...(run.error !== undefined && run.error !== null ? { error: structuredError(run.error, true) } : {}),
    nodes: drafts.map((d) => d.node),
    events: events.map((e) => toImportEvent(e, nodeIdOf, eventCap)),
  };
}

/**
 * Needs, read from the event log (the SDK records no graph): nodes created together — with no node
 * finishing between their creating events, as `Promise.all` does — form a wave and share the same needs;
 * a new wave starts at the first creation after some node finished, and needs exactly the nodes that
 * finished since the previous wave began (step completed or failed, wait completed, hook received,
 * disposed or in conflict). A node only ever needs nodes that finished before it was created, hence were
 * created before it, so the graph has no cycles. Nodes with no creating event need nothing.
 */
function inferNeeds(events: SdkEvent[], nodeIdOf: Map<string, string>, drafts: Draft[]): void {
  const needs = new Map<string, string[]>();
  const finished = new Set<string>();
  let wave: string[] = [];
  let since: string[] = [];
  for (const e of events) {
    const id = e.correlationId ? nodeIdOf.get(e.correlationId) : undefined;
    if (!id) continue;
    if (CREATES[e.eventType] && !needs.has(id)) {
      if (since.length > 0) [wave, since] = [since, []];
      needs.set(
        id,
        wave.filter((n) => n !== id),
      );
    }
    if (ENDS.has(e.eventType) && !finished.has(id) && needs.has(id)) {
      finished.add(id);
      since.push(id);
    }
  }
  for (const d of drafts) d.node.needs = needs.get(d.node.nodeId) ?? [];
}

/** The earliest unfinished wait or hook of an active run, or null. */
function waitingOf(
  drafts: Draft[],
  nodeIdOf: Map<string, string>,
  waits: Map<string, { createdAt: Date; resumeAt?: Date }>,
  hooks: Map<string, { createdAt: Date }>,
  tokens: Map<string, string>,
): ImportRun['waiting'] {
  const open = drafts.filter((d) => d.node.status === 'running' && d.node.kind !== 'step').sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);
  for (const d of open) {
    const nodeId = nodeIdOf.get(d.key)!;
    const until = waits.get(d.key)?.resumeAt;
    if (d.node.kind === 'sleep' && until) return { kind: 'sleep', nodeId, until: until.toISOString() };
    const token = tokens.get(d.key);
    const hook = hooks.get(d.key);
    if (d.node.kind === 'hook' && token && hook) return { kind: 'hook', nodeId, token: token.slice(0, 500), since: hook.createdAt.toISOString() };
  }
  return null;
}

function toImportEvent(e: SdkEvent, nodeIdOf: Map<string, string>, cap: number): ImportEvent {
  const data: Record<string, Json> = {};
  for (const [key, raw] of Object.entries(e.eventData ?? {})) {
    if (raw === undefined) continue;
    const serialized = isSerializedBytes(raw) || (VALUE_FIELDS.has(key) && Array.isArray(raw));
    data[key] = capJson(serialized ? decodedOrStandIn(raw) : toJson(raw), cap);
  }
  const nodeId = e.correlationId ? nodeIdOf.get(e.correlationId) : undefined;
  const type = /^[a-z][a-z0-9_]{0,59}$/.test(e.eventType) ? e.eventType : `x_${e.eventType.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 60);
  return { id: e.eventId, type, at: e.createdAt.toISOString(), ...(nodeId ? { nodeId } : {}), data };
}

function asDate(v: unknown): Date | undefined {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
const asString = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

// ---------------------------------------------------------------------------------------------------------
// Versions and the app's build manifest
// ---------------------------------------------------------------------------------------------------------

export function toImportVersion(v: {
  deploymentId: string;
  key?: string;
  label?: string;
  manifest?: VersionManifest;
  address?: string;
  current?: boolean;
}): ImportVersion {
  return {
    key: v.key ?? v.deploymentId,
    label: (v.label ?? v.deploymentId).slice(0, 100),
    deploymentId: v.deploymentId,
    ...(v.manifest ? { manifest: v.manifest as ImportVersion['manifest'] } : {}),
    ...(v.address ? { address: v.address } : {}),
    current: v.current ?? false,
  };
}

interface GraphNode {
  id: string;
  kind: string;
  stepId?: string;
  label?: string;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const isBuiltin = (id: string) => id.startsWith('__builtin');
const HOOK_PRIMITIVES = new Set(['createHook', 'createWebhook']);

/**
 * The app's `.well-known/workflow/v1/manifest.json` as a Flowdeck manifest: one workflow per SDK workflow
 * (keyed by short name, `.2` … on a clash; description = its full workflowId; input `{}`, the SDK publishes
 * no input schema), one step per step node of its graph (`{ id, run: <stepId>, needs }`, ids numbered like a
 * run's nodes). Needs follow the graph's edges back through non-step nodes to the nearest steps; loop
 * (back) edges are left out and a step only needs steps placed before it, so there is no cycle. Builtins
 * (`__builtin_*`) are skipped.
 *
 * A workflow needs one step. One whose graph has no steps (an approval that only waits on a hook) keeps its
 * sleeps and hooks as steps — `{ id: 'sleep', sleep: '0s' }`, `{ id: 'hook', hook: {} }` — so its runs still
 * have their workflow in the version; the build does not record a sleep's duration, so '0s' means "unknown".
 * Sleeps and hooks are not listed beside real steps, where that guess would only mislead. A workflow with
 * neither is left out. Throws if no workflow is left.
 */
export function manifestFromBuild(build: unknown): VersionManifest {
  const workflows: VersionManifest['workflows'] = {};
  const steps = obj(obj(build).steps);
  for (const [file, exports] of Object.entries(obj(obj(build).workflows))) {
    for (const entry of Object.values(obj(exports))) {
      const workflowId = obj(entry).workflowId;
      if (typeof workflowId !== 'string' || isBuiltin(workflowId)) continue;
      const graph = obj(obj(entry).graph);
      const nodes: GraphNode[] = (Array.isArray(graph.nodes) ? graph.nodes : []).map((n) => {
        const data = obj(obj(n).data);
        return {
          id: String(obj(n).id),
          kind: String(data.nodeKind ?? obj(n).type ?? ''),
          stepId: typeof data.stepId === 'string' ? data.stepId : undefined,
          label: typeof data.label === 'string' ? data.label : undefined,
        };
      });
      if (!Array.isArray(graph.nodes)) {
        // No graph (an older build): the steps of the workflow's file, without needs.
        for (const s of Object.values(obj(steps[file])))
          if (typeof obj(s).stepId === 'string') nodes.push({ id: String(obj(s).stepId), kind: 'step', stepId: String(obj(s).stepId) });
      }
      const edges = (Array.isArray(graph.edges) ? graph.edges : []).map(obj).filter((e) => e.type !== 'loop');
      const isStep = (n: GraphNode) => n.kind === 'step' && !!n.stepId && !isBuiltin(n.stepId);
      const isWaitPrimitive = (n: GraphNode) => n.kind === 'primitive' && (n.label === 'sleep' || HOOK_PRIMITIVES.has(n.label ?? ''));
      const keep = nodes.some(isStep) ? isStep : isWaitPrimitive;
      const defs = stepsOfGraph(nodes, edges, keep);
      if (defs.length === 0) continue;
      let name = shortName(workflowId);
      for (let n = 2; Object.hasOwn(workflows, name); n++) name = `${shortName(workflowId)}.${n}`;
      workflows[name] = { description: workflowId.slice(0, 2000), input: {}, steps: defs };
    }
  }
  if (Object.keys(workflows).length === 0) throw new Error('the build manifest has no workflow with steps, sleeps or hooks to show');
  return { workflows };
}

function stepsOfGraph(nodes: GraphNode[], edges: Record<string, unknown>[], keep: (n: GraphNode) => boolean): StepDefinition[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const incoming = new Map<string, string[]>();
  for (const e of edges)
    if (typeof e.source === 'string' && typeof e.target === 'string') incoming.set(e.target, (incoming.get(e.target) ?? []).concat(e.source));
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const n of nodes.filter(keep)) {
    const base = n.kind === 'step' ? shortName(n.stepId!) : n.label === 'sleep' ? 'sleep' : 'hook';
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    ids.set(n.id, count === 1 ? base : `${base}.${count}`);
  }
  return nodes.filter(keep).map((n) => {
    const own = index.get(n.id)!;
    const found = new Set<string>();
    const seen = new Set<string>([n.id]);
    const queue = [...(incoming.get(n.id) ?? [])];
    while (queue.length > 0) {
      const p = queue.shift()!;
      if (seen.has(p)) continue;
      seen.add(p);
      const pred = nodes[index.get(p) ?? -1];
      if (pred && keep(pred)) {
        if ((index.get(p) ?? Infinity) < own) found.add(p);
      } else queue.push(...(incoming.get(p) ?? []));
    }
    const needs = [...found]
      .sort((a, b) => index.get(a)! - index.get(b)!)
      .slice(0, 100)
      .map((p) => ({ step: ids.get(p)! }));
    const action = n.kind === 'step' ? { run: n.stepId! } : n.label === 'sleep' ? { sleep: '0s' } : { hook: {} };
    return { id: ids.get(n.id)!, ...(needs.length > 0 ? { needs } : {}), ...action };
  });
}

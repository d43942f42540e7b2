import type { StepAction } from './manifest';
import type { NodeStatus } from './node-status';

/** What the timeline needs of a node (a `NodeDto` fits). */
export interface TimelineNodeSource {
  nodeId: string;
  action: StepAction;
  status: NodeStatus;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What the timeline needs of an event (an `EventDto` fits). */
export interface TimelineEventSource {
  type: string;
  nodeId: string | null;
  at: string;
  data: Record<string, unknown>;
}

export type WaitKind = 'sleep' | 'hook';

/** A stretch of a node's bar spent waiting; `open` while it still goes on (its end is "now"). */
export interface WaitSegment {
  kind: WaitKind;
  start: number;
  end: number;
  open: boolean;
  /** A sleep's planned wake time. */
  until?: number;
}

export interface TimelineRow {
  id: string;
  action: StepAction;
  status: NodeStatus;
  attempt: number;
  /** Epoch ms; null for a node that never started. */
  start: number | null;
  end: number | null;
  /** Still running: the bar ends at "now". */
  open: boolean;
  waits: WaitSegment[];
}

const WAIT_OPENERS: Record<string, WaitKind> = { sleep_started: 'sleep', hook_created: 'hook' };
const WAIT_CLOSERS: Record<string, WaitKind> = { sleep_woken: 'sleep', hook_received: 'hook' };

/** Pairs sleep_started/sleep_woken and hook_created/hook_received per node into segments. */
export function waitSegments(events: readonly TimelineEventSource[], now: number): Map<string, WaitSegment[]> {
  const byNode = new Map<string, WaitSegment[]>();
  const openByNode = new Map<string, WaitSegment>();
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const e of sorted) {
    if (!e.nodeId) continue;
    const at = Date.parse(e.at);
    const opens = WAIT_OPENERS[e.type];
    const closes = WAIT_CLOSERS[e.type];
    if (opens) {
      const until = typeof e.data.until === 'string' ? Date.parse(e.data.until) : undefined;
      const segment: WaitSegment = {
        kind: opens,
        start: at,
        end: Math.max(at, now),
        open: true,
        ...(until !== undefined && !Number.isNaN(until) ? { until } : {}),
      };
      openByNode.set(e.nodeId, segment);
      byNode.set(e.nodeId, [...(byNode.get(e.nodeId) ?? []), segment]);
    } else if (closes) {
      const segment = openByNode.get(e.nodeId);
      if (segment && segment.kind === closes) {
        segment.end = Math.max(segment.start, at);
        segment.open = false;
        openByNode.delete(e.nodeId);
      }
    }
  }
  return byNode;
}

/** One row per node, started nodes first by start time, with their waits; open bars end at `now`. */
export function timelineRows(nodes: readonly TimelineNodeSource[], events: readonly TimelineEventSource[], now: number): TimelineRow[] {
  const waits = waitSegments(events, now);
  const rows = nodes.map((n): TimelineRow => {
    const start = n.startedAt ? Date.parse(n.startedAt) : null;
    const finished = n.finishedAt ? Date.parse(n.finishedAt) : null;
    const open = start !== null && finished === null && n.status === 'running';
    const end = start === null ? null : (finished ?? (open ? Math.max(start, now) : start));
    const nodeWaits = (waits.get(n.nodeId) ?? []).map((w) =>
      // A wait left open on a node that has since ended stops where the node stopped.
      w.open && !open && end !== null ? { ...w, end: Math.max(w.start, end), open: false } : w,
    );
    return { id: n.nodeId, action: n.action, status: n.status, attempt: n.attempt, start, end, open, waits: nodeWaits };
  });
  return rows.sort((a, b) => {
    if (a.start === null || b.start === null) return a.start === b.start ? 0 : a.start === null ? 1 : -1;
    return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The time span the chart covers: run start (or first node) to run end (or last bar, or now). */
export function timelineRange(
  rows: readonly TimelineRow[],
  run: { startedAt: string | null; createdAt: string; finishedAt: string | null },
  now: number,
): { start: number; end: number } {
  let start = Date.parse(run.startedAt ?? run.createdAt);
  let end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  for (const r of rows) {
    if (r.start !== null) start = Math.min(start, r.start);
    if (r.end !== null) end = Math.max(end, r.end);
    for (const w of r.waits) end = Math.max(end, w.end);
  }
  return { start, end: Math.max(end, start + 1_000) };
}

const NICE_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
  10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000,
];

/** The smallest "nice" tick step at which ticks are at least `minGapPx` apart. */
export function tickStep(pxPerMs: number, minGapPx: number): number {
  for (const step of NICE_STEPS_MS) if (step * pxPerMs >= minGapPx) return step;
  return NICE_STEPS_MS.at(-1) as number;
}

/** Offsets from the start (ms) of every tick within [0, span]. */
export function tickOffsets(spanMs: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs && ticks.length < 10_000; t += step) ticks.push(t);
  return ticks;
}

/** Zoom factor after `steps` wheel/button steps (positive = in), clamped. */
export function zoomBy(scale: number, steps: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, scale * 1.25 ** steps));
}

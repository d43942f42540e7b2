/** Geometry of the drawn graph: where edge labels sit and what the first view shows. Pure. */

import { placeInOrder } from './graph-layout';
import type { NodeStatus } from './node-status';

export interface Point {
  x: number;
  y: number;
}

/** React Flow's control-point offset for a bezier edge leaving right and entering left (curvature 0.25). */
function controlOffset(distance: number, curvature = 0.25): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

/**
 * The point at parameter `t` of the left → right bezier React Flow draws between a source handle (right)
 * and a target handle (left). Labels sit past the middle (t ≈ 0.6), where edges fanning out of one node
 * are already apart.
 */
export function bezierPoint(source: Point, target: Point, t: number): Point {
  const offset = controlOffset(target.x - source.x);
  const c1 = { x: source.x + offset, y: source.y };
  const c2 = { x: target.x - offset, y: target.y };
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * source.x + b * c1.x + c * c2.x + d * target.x, y: a * source.y + b * c1.y + c * c2.y + d * target.y };
}

/** The SVG path of that bezier (what React Flow draws for an edge), rounded to a hundredth. */
export function bezierPath(source: Point, target: Point): string {
  const offset = controlOffset(target.x - source.x);
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M${r(source.x)},${r(source.y)} C${r(source.x + offset)},${r(source.y)} ${r(target.x - offset)},${r(target.y)} ${r(target.x)},${r(target.y)}`;
}

/** The box around every node (`positions` are their top-left corners). */
export function graphBounds(
  positions: readonly Point[],
  size: { nodeWidth: number; nodeHeight: number },
): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x + size.nodeWidth);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y + size.nodeHeight);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface InitialViewOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Below this zoom node text is unreadable: show the graph's start instead of all of it. */
  minReadableZoom: number;
  /** Zoom of the "start" view. */
  startZoom: number;
  padding: number;
}

/**
 * The first view of a laid-out graph in a container: `fit` when the whole graph fits at a readable
 * zoom; otherwise a readable viewport on the node of `interest` when there is one, else on where the
 * run starts: the left edge, the first layer centred vertically (from its top when taller than the view).
 */
export function initialView(
  positions: readonly Point[],
  container: { width: number; height: number },
  o: InitialViewOptions,
  /** A node worth opening on (a failure, the step the run waits on), centred instead of the start. */
  interest?: Point,
): { kind: 'fit' } | ({ kind: 'start' } & Viewport) {
  if (positions.length === 0 || container.width <= 0 || container.height <= 0) return { kind: 'fit' };
  const b = graphBounds(positions, o);
  const [minX, maxX, minY, maxY] = [b.x, b.x + b.width, b.y, b.y + b.height];
  const fitZoom = Math.min((container.width - 2 * o.padding) / (maxX - minX), (container.height - 2 * o.padding) / (maxY - minY));
  if (fitZoom >= o.minReadableZoom) return { kind: 'fit' };
  const zoom = o.startZoom;
  if (interest) {
    const cx = interest.x + o.nodeWidth / 2;
    const cy = interest.y + o.nodeHeight / 2;
    return { kind: 'start', zoom, x: container.width / 2 - cx * zoom, y: container.height / 2 - cy * zoom };
  }
  // Where the run starts: the first layer, centred vertically, its top node kept in view.
  const first = positions.filter((p) => p.x < minX + o.nodeWidth);
  const top = Math.min(...first.map((p) => p.y));
  const bottom = Math.max(...first.map((p) => p.y + o.nodeHeight));
  const room = (container.height - 2 * o.padding) / zoom;
  const focus = bottom - top <= room ? (top + bottom) / 2 : top + room / 2;
  return { kind: 'start', zoom, x: o.padding - minX * zoom, y: container.height / 2 - focus * zoom };
}

/**
 * Where an edge's label goes: halfway across the gap after the source, never further than `maxReach`
 * from it, so the label of an edge that spans several layers stays in the first gap instead of landing
 * on a node it passes. Backward edges are labelled at their middle.
 */
export function edgeLabelPoint(source: Point, target: Point, maxReach: number): Point {
  const dx = target.x - source.x;
  if (dx <= 0) return bezierPoint(source, target, 0.5);
  const wantX = source.x + Math.min(0.5 * dx, maxReach);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (bezierPoint(source, target, mid).x < wantX) lo = mid;
    else hi = mid;
  }
  return bezierPoint(source, target, (lo + hi) / 2);
}

export interface LabelledEdge {
  id: string;
  /** The source handle (right side of the source node). */
  source: Point;
  /** The target handle (left side of the target node). */
  target: Point;
}

/**
 * Positions for the labels of many edges: each at its `edgeLabelPoint`, then, among labels sharing a
 * column (the same gap between layers), spread vertically just enough to keep `spacing` between them,
 * moving each as little as possible (least squares, order kept).
 */
export function placeEdgeLabels(edges: readonly LabelledEdge[], maxReach: number, spacing: number): Map<string, Point> {
  const columns = new Map<number, { id: string; at: Point }[]>();
  for (const e of edges) {
    const at = edgeLabelPoint(e.source, e.target, maxReach);
    const key = Math.round(at.x / 24);
    const column = columns.get(key) ?? [];
    column.push({ id: e.id, at });
    columns.set(key, column);
  }
  const placed = new Map<string, Point>();
  for (const column of columns.values()) {
    column.sort((a, b) => a.at.y - b.at.y || (a.id < b.id ? -1 : 1));
    const ys = placeInOrder(
      column.map((c) => c.at.y),
      spacing,
    );
    column.forEach((c, i) => {
      placed.set(c.id, { x: c.at.x, y: ys[i] as number });
    });
  }
  return placed;
}

export interface ArtifactLabelCandidate {
  id: string;
  source: string;
  digest: string;
  stale: boolean;
  /** Vertical position of the target, to pick the middle edge of a fan. */
  targetY: number;
}

/**
 * One label per fan: the edges that carry the same digest out of the same producer (with the same
 * staleness) share a label on their middle edge, with how many consumers it reaches. Returns the
 * labelled edge ids and their counts; the other edges of the fan go unlabelled.
 */
export function labelPerFan(edges: readonly ArtifactLabelCandidate[]): Map<string, number> {
  const fans = new Map<string, ArtifactLabelCandidate[]>();
  for (const e of edges) {
    const key = `${e.source}\n${e.digest}\n${e.stale}`;
    const fan = fans.get(key) ?? [];
    fan.push(e);
    fans.set(key, fan);
  }
  const labelled = new Map<string, number>();
  for (const fan of fans.values()) {
    fan.sort((a, b) => a.targetY - b.targetY || (a.id < b.id ? -1 : 1));
    labelled.set((fan[Math.floor((fan.length - 1) / 2)] as ArtifactLabelCandidate).id, fan.length);
  }
  return labelled;
}

const NOTABLE: Partial<Record<NodeStatus, number>> = { failed: 0, running: 2 };

/** Where a first view should open: the leftmost failed node, else the node the run waits on, else the leftmost running one. */
export function notableNode(nodes: readonly { id: string; status: NodeStatus; waiting: unknown }[], positions: ReadonlyMap<string, Point>): Point | undefined {
  let best: { rank: number; at: Point } | undefined;
  for (const n of nodes) {
    const rank = n.waiting ? 1 : NOTABLE[n.status];
    const at = positions.get(n.id);
    if (rank === undefined || !at) continue;
    if (!best || rank < best.rank || (rank === best.rank && at.x < best.at.x)) best = { rank, at };
  }
  return best?.at;
}

/** The viewport that shows all of `bounds` in a container, with `padding` (a fraction of the container) around it. */
export function fitBounds(
  bounds: { x: number; y: number; width: number; height: number },
  container: { width: number; height: number },
  padding: number,
  minZoom: number,
  maxZoom: number,
): Viewport {
  const w = container.width * (1 - 2 * padding);
  const h = container.height * (1 - 2 * padding);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height))));
  return {
    zoom,
    x: container.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: container.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}

/** Geometry of the drawn graph: where edge labels sit and what the first view shows. Pure. */

import { placeInOrder } from './graph-layout';

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
 * zoom; otherwise a readable viewport on the graph's start: its left edge, and vertically the nodes in
 * that first screenful, centred when they fit, from their top when they do not.
 */
export function initialView(positions: readonly Point[], container: { width: number; height: number }, o: InitialViewOptions): { kind: 'fit' } | ({ kind: 'start' } & Viewport) {
  if (positions.length === 0 || container.width <= 0 || container.height <= 0) return { kind: 'fit' };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x + o.nodeWidth);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y + o.nodeHeight);
  }
  const fitZoom = Math.min((container.width - 2 * o.padding) / (maxX - minX), (container.height - 2 * o.padding) / (maxY - minY));
  if (fitZoom >= o.minReadableZoom) return { kind: 'fit' };
  const zoom = o.startZoom;
  // What the first view can show horizontally; fill it vertically from the top of those nodes.
  const inView = positions.filter((p) => p.x < minX + (container.width - o.padding) / zoom);
  const top = Math.min(...inView.map((p) => p.y));
  const bottom = Math.max(...inView.map((p) => p.y + o.nodeHeight));
  const room = (container.height - 2 * o.padding) / zoom;
  const focus = bottom - top <= room ? (top + bottom) / 2 : top + room / 2;
  return { kind: 'start', zoom, x: o.padding - minX * zoom, y: container.height / 2 - focus * zoom };
}

/**
 * Where an edge's label goes: 58% of the way across the gap after the source, never further than
 * `maxReach` from it, so the label of an edge that spans several layers stays in the first gap instead
 * of landing on a node it passes. Backward edges are labelled at their middle.
 */
export function edgeLabelPoint(source: Point, target: Point, maxReach: number): Point {
  const dx = target.x - source.x;
  if (dx <= 0) return bezierPoint(source, target, 0.5);
  const wantX = source.x + Math.min(0.58 * dx, maxReach);
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
    column.forEach((c, i) => placed.set(c.id, { x: c.at.x, y: ys[i] as number }));
  }
  return placed;
}

/**
 * The graph as the server draws it before the page is interactive: the same first view `initialView`
 * gives React Flow, expressed so that CSS can place it without knowing the canvas's size (the server
 * never knows it). Pure.
 */
import { graphBounds, type InitialViewOptions, type Point } from './graph-geometry';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the first view puts the graph, when the whole graph is not readable fitted. */
export interface PreviewStart {
  zoom: number;
  /**
   * `centre`: the graph point (x, y) sits at the canvas's centre (a notable node). `left`: x sits at the
   * canvas's left edge; y at its vertical middle (`middle`) or at its top padding (`top`, a first layer
   * taller than the canvas).
   */
  anchor: 'centre' | 'left-middle' | 'left-top';
  x: number;
  y: number;
}

export interface PreviewFrame {
  /** Every node's box, together. */
  bounds: Box;
  /** What a fitted view frames (React Flow's fitView with `fitPadding`): an SVG viewBox. */
  fitBox: Box;
  /** The smallest canvas on which the whole graph is readable fitted (`initialView` answers `fit`). */
  fitFrom: { width: number; height: number };
  start: PreviewStart;
  /** The nodes a start view can show on a canvas up to `reach` pixels wide and tall (indices into the positions). */
  startNodes: number[];
}

export interface PreviewOptions extends InitialViewOptions {
  /** React Flow's fitView padding (a fraction: the fitted box is the bounds times 1 + padding). */
  fitPadding: number;
  /** The largest canvas the start view is drawn for, in pixels. */
  reach: { width: number; height: number };
  /** The canvas height assumed to decide whether a first layer fits (the start view's own choice). */
  assumedHeight: number;
}

/** The start view of `initialView` as an anchor and a graph point, for a canvas of any size. */
function startOf(positions: readonly Point[], bounds: Box, o: PreviewOptions, interest?: Point): PreviewStart {
  const zoom = o.startZoom;
  if (interest) return { zoom, anchor: 'centre', x: interest.x + o.nodeWidth / 2, y: interest.y + o.nodeHeight / 2 };
  const x = bounds.x - o.padding / zoom;
  const first = positions.filter((p) => p.x < bounds.x + o.nodeWidth);
  const top = Math.min(...first.map((p) => p.y));
  const bottom = Math.max(...first.map((p) => p.y + o.nodeHeight));
  const room = (o.assumedHeight - 2 * o.padding) / zoom;
  if (bottom - top <= room) return { zoom, anchor: 'left-middle', x, y: (top + bottom) / 2 };
  return { zoom, anchor: 'left-top', x, y: top - o.padding / zoom };
}

/** The graph's box of what a start view shows on a canvas of `reach` pixels, wherever the anchor puts it. */
function startWindow(start: PreviewStart, o: PreviewOptions): Box {
  const w = o.reach.width / start.zoom;
  const h = o.reach.height / start.zoom;
  const x = start.anchor === 'centre' ? start.x - w / 2 : start.x;
  const y = start.anchor === 'left-top' ? start.y : start.y - h / 2;
  return { x, y, width: w, height: h };
}

/**
 * Everything the server needs to draw a graph's first view for any canvas: the fitted box, the canvas
 * size from which the fitted view is readable, the start view and the nodes it can show.
 */
export function previewFrame(positions: readonly Point[], o: PreviewOptions, interest?: Point): PreviewFrame | null {
  if (positions.length === 0) return null;
  const bounds = graphBounds(positions, o);
  const fitBox = {
    x: bounds.x - (bounds.width * o.fitPadding) / 2,
    y: bounds.y - (bounds.height * o.fitPadding) / 2,
    width: bounds.width * (1 + o.fitPadding),
    height: bounds.height * (1 + o.fitPadding),
  };
  // initialView: fitted when min((W - 2p) / width, (H - 2p) / height) ≥ minReadableZoom.
  const fitFrom = {
    width: Math.ceil(2 * o.padding + bounds.width * o.minReadableZoom),
    height: Math.ceil(2 * o.padding + bounds.height * o.minReadableZoom),
  };
  const start = startOf(positions, bounds, o, interest);
  const win = startWindow(start, o);
  const startNodes: number[] = [];
  positions.forEach((p, i) => {
    if (p.x + o.nodeWidth >= win.x && p.x <= win.x + win.width && p.y + o.nodeHeight >= win.y && p.y <= win.y + win.height) startNodes.push(i);
  });
  return { bounds, fitBox, fitFrom, start, startNodes };
}

/** The CSS transform that puts a start view's graph point at its anchor (the element sits at that anchor, origin top left). */
export function startTransform(start: PreviewStart): string {
  return `translate(${round(-start.x * start.zoom)}px, ${round(-start.y * start.zoom)}px) scale(${start.zoom})`;
}

const round = (n: number) => Math.round(n * 100) / 100;

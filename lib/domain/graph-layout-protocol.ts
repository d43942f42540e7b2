/** Messages between the graph and its layout worker, and the sizes both sides agree on. */

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 52;
/** Room between layers for the artifact labels drawn on the edges. */
export const LAYER_GAP = 160;
export const NODE_GAP = 22;

/**
 * Up to this many nodes elkjs lays the graph out (its layered algorithm grows faster than linearly:
 * ~0.2 s at 300 nodes, ~1.2 s at 2,000 with its fastest settings); above it the linear-time layered
 * layout of lib/domain/graph-layout.ts takes over.
 */
export const ELK_MAX_NODES = 400;
/** Up to this many nodes elkjs runs at full quality (network-simplex placement). */
export const ELK_QUALITY_MAX_NODES = 120;

export type LayoutEngine = 'elk' | 'layered';

export interface LayoutRequest {
  id: number;
  nodes: string[];
  /** [source, target] pairs. */
  edges: [string, string][];
}

export type LayoutResponse =
  | { id: number; ok: true; xs: Float64Array; ys: Float64Array; engine: LayoutEngine; ms: number }
  | { id: number; ok: false; message: string };

const SPACING = {
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.edgeNode': '16',
};

/** elkjs options for a graph of `n` nodes: full quality when small, the fast strategies otherwise. */
export function elkOptions(n: number): Record<string, string> {
  const base = { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'POLYLINE', ...SPACING };
  if (n <= ELK_QUALITY_MAX_NODES) {
    return { ...base, 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' };
  }
  return {
    ...base,
    'elk.layered.layering.strategy': 'LONGEST_PATH',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    'elk.layered.thoroughness': '1',
  };
}

/**
 * A layout worked out before the page reached the browser (the server page lays the run's graph out),
 * so the graph draws on hydration without waiting for the layout worker. Positions follow the order of
 * the graph model's nodes; the counts tell whether it still fits the graph the page now shows.
 */
export interface SeededLayout {
  nodeCount: number;
  edgeCount: number;
  xs: number[];
  ys: number[];
  engine: LayoutEngine;
}

/** Whether a seeded layout was made for a graph of this shape (a changed graph is laid out again). */
export function fitsGraph(seed: SeededLayout, graph: { nodes: readonly unknown[]; edges: readonly unknown[] }): boolean {
  return seed.nodeCount === graph.nodes.length && seed.edgeCount === graph.edges.length && seed.xs.length === graph.nodes.length;
}

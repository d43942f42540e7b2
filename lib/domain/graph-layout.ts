/**
 * A layered (Sugiyama-style) left → right layout in linear-ish time, for graphs too big for elkjs to
 * lay out within a frame budget. Longest-path layering, barycenter ordering sweeps, then vertical
 * placement that pulls every node toward its neighbours while keeping order and spacing (isotonic
 * regression by pool-adjacent-violators). No edge routing: the renderer draws curves between handles.
 */

export interface LayoutGraph {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal gap between layers. */
  layerGap: number;
  /** Vertical gap between nodes of a layer. */
  nodeGap: number;
  /** Barycenter sweeps (each one down and one up). */
  sweeps: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { nodeWidth: 200, nodeHeight: 52, layerGap: 90, nodeGap: 22, sweeps: 2 };

export interface LayoutResult {
  /** Top-left corner of each node, in the order of `graph.nodes`. */
  positions: { x: number; y: number }[];
  width: number;
  height: number;
  layers: number;
}

/** Layer of each node: 0 for sources, else one past its deepest dependency. Nodes on a cycle go after the rest. */
export function assignLayers(n: number, preds: readonly number[][], succs: readonly number[][]): number[] {
  const layer = new Array<number>(n).fill(0);
  const indegree = preds.map((p) => p.length);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  const done = new Array<boolean>(n).fill(false);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    done[v] = true;
    for (const w of succs[v] as number[]) {
      layer[w] = Math.max(layer[w] as number, (layer[v] as number) + 1);
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) queue.push(w);
    }
  }
  if (queue.length < n) {
    // A cycle (never in a valid manifest): place its members after what is known of their predecessors.
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const known = (preds[i] as number[]).filter((p) => done[p]).map((p) => (layer[p] as number) + 1);
      layer[i] = Math.max(0, ...known);
      done[i] = true;
    }
  }
  return layer;
}

/** Stable reorder of a layer by the mean position of each node's neighbours; nodes without any keep their slot. */
function orderByBarycenter(members: number[], neighbours: readonly number[][], pos: Float64Array): void {
  const key = new Float64Array(members.length);
  members.forEach((v, i) => {
    const ns = neighbours[v] as number[];
    if (ns.length === 0) {
      key[i] = pos[v] as number;
      return;
    }
    let sum = 0;
    for (const w of ns) sum += pos[w] as number;
    key[i] = sum / ns.length;
  });
  const idx = members.map((_, i) => i).sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
  const sorted = idx.map((i) => members[i] as number);
  sorted.forEach((v, i) => {
    members[i] = v;
    pos[v] = i;
  });
}

/**
 * Positions y[0..k) in order, at least `gap` apart, as close as possible (least squares) to `desired`:
 * with z_i = y_i − i·gap the constraint is z non-decreasing, solved by pool-adjacent-violators.
 */
export function placeInOrder(desired: readonly number[], gap: number): number[] {
  const k = desired.length;
  const blockSum: number[] = [];
  const blockCount: number[] = [];
  for (let i = 0; i < k; i++) {
    blockSum.push((desired[i] as number) - i * gap);
    blockCount.push(1);
    while (blockSum.length > 1) {
      const last = blockSum.length - 1;
      const mean = (blockSum[last] as number) / (blockCount[last] as number);
      const prevMean = (blockSum[last - 1] as number) / (blockCount[last - 1] as number);
      if (prevMean <= mean) break;
      blockSum[last - 1] = (blockSum[last - 1] as number) + (blockSum.pop() as number);
      blockCount[last - 1] = (blockCount[last - 1] as number) + (blockCount.pop() as number);
    }
  }
  const y: number[] = [];
  blockSum.forEach((sum, b) => {
    const mean = sum / (blockCount[b] as number);
    for (let j = 0; j < (blockCount[b] as number); j++) y.push(mean + y.length * gap);
  });
  return y;
}

export function layeredLayout(graph: LayoutGraph, options: Partial<LayoutOptions> = {}): LayoutResult {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const n = graph.nodes.length;
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    (succs[s] as number[]).push(t);
    (preds[t] as number[]).push(s);
  }
  const layer = assignLayers(n, preds, succs);
  const layerCount = n === 0 ? 0 : Math.max(...layer) + 1;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let i = 0; i < n; i++) (layers[layer[i] as number] as number[]).push(i);

  // Ordering: position within the layer, refined by barycenter sweeps over only the adjacent layer.
  const pos = new Float64Array(n);
  for (const members of layers) {
    members.forEach((v, i) => {
      pos[v] = i;
    });
  }
  const adjacentPreds = preds.map((ps, v) => ps.filter((p) => layer[p] === (layer[v] as number) - 1));
  const adjacentSuccs = succs.map((ss, v) => ss.filter((s) => layer[s] === (layer[v] as number) + 1));
  for (let sweep = 0; sweep < o.sweeps; sweep++) {
    for (let l = 1; l < layerCount; l++) orderByBarycenter(layers[l] as number[], adjacentPreds, pos);
    for (let l = layerCount - 2; l >= 0; l--) orderByBarycenter(layers[l] as number[], adjacentSuccs, pos);
  }

  // Placement: centred stacks, then pulled toward predecessors, successors, and both.
  const step = o.nodeHeight + o.nodeGap;
  const y = new Float64Array(n);
  for (const members of layers) {
    members.forEach((v, i) => {
      y[v] = (i - (members.length - 1) / 2) * step;
    });
  }
  const pull = (members: number[], neighbours: readonly number[][]) => {
    const desired = members.map((v) => {
      const ns = neighbours[v] as number[];
      if (ns.length === 0) return y[v] as number;
      let sum = 0;
      for (const w of ns) sum += y[w] as number;
      return sum / ns.length;
    });
    placeInOrder(desired, step).forEach((value, i) => {
      y[members[i] as number] = value;
    });
  };
  const both = adjacentPreds.map((ps, v) => [...ps, ...(adjacentSuccs[v] as number[])]);
  for (let l = 1; l < layerCount; l++) pull(layers[l] as number[], adjacentPreds);
  for (let l = layerCount - 2; l >= 0; l--) pull(layers[l] as number[], adjacentSuccs);
  for (let l = 0; l < layerCount; l++) pull(layers[l] as number[], both);

  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minY = Math.min(minY, y[i] as number);
    maxY = Math.max(maxY, y[i] as number);
  }
  if (n === 0) minY = maxY = 0;
  const positions = graph.nodes.map((_, i) => ({ x: (layer[i] as number) * (o.nodeWidth + o.layerGap), y: Math.round((y[i] as number) - minY) }));
  return {
    positions,
    width: layerCount === 0 ? 0 : layerCount * o.nodeWidth + (layerCount - 1) * o.layerGap,
    height: n === 0 ? 0 : Math.round(maxY - minY) + o.nodeHeight,
    layers: layerCount,
  };
}

import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import { layeredLayout } from './graph-layout';
import { ELK_MAX_NODES, elkOptions, LAYER_GAP, type LayoutEngine, type LayoutRequest, NODE_GAP, NODE_HEIGHT, NODE_WIDTH } from './graph-layout-protocol';

export interface ComputedLayout {
  xs: Float64Array;
  ys: Float64Array;
  engine: LayoutEngine;
}

/** The linear-time layered layout of lib/domain: any size, a few hundred ms at 10,000 nodes. */
export function layeredPositions(req: LayoutRequest): ComputedLayout {
  const result = layeredLayout(
    { nodes: req.nodes.map((id) => ({ id })), edges: req.edges.map(([source, target]) => ({ source, target })) },
    { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, layerGap: LAYER_GAP, nodeGap: NODE_GAP },
  );
  return {
    xs: Float64Array.from(result.positions, (p) => p.x),
    ys: Float64Array.from(result.positions, (p) => p.y),
    engine: 'layered',
  };
}

/** elkjs's layered algorithm: nicer crossings and placement, used while the graph is small enough. */
export async function elkPositions(elk: ElkApi, req: LayoutRequest): Promise<ComputedLayout> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: elkOptions(req.nodes.length),
    children: req.nodes.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: req.edges.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] })),
  });
  const at = new Map((graph.children ?? []).map((c) => [c.id, c]));
  return {
    xs: Float64Array.from(req.nodes, (id) => at.get(id)?.x ?? 0),
    ys: Float64Array.from(req.nodes, (id) => at.get(id)?.y ?? 0),
    engine: 'elk',
  };
}

export const usesElk = (req: LayoutRequest): boolean => req.nodes.length <= ELK_MAX_NODES;

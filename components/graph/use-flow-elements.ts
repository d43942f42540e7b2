'use client';

import { MarkerType, type NodeHandle, Position } from '@xyflow/react';
import { useMemo } from 'react';
import { labelPerFan, placeEdgeLabels } from '@/lib/domain/graph-geometry';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { GraphModel } from '@/lib/domain/graph-model';
import type { PaintNode } from './canvas-paint';
import { EDGE_STYLES, edgeKind } from './edge-style';
import { type FlowEdgeType, LABEL_REACH, LABEL_SPACING } from './flow-edge';
import type { StepNodeType } from './step-node';
import type { GraphLayout } from './use-graph-layout';

/**
 * Where the (invisible) handles of every step node are, and its size. Known up front, React Flow needs
 * not render every node once to measure it: only the nodes in view are ever rendered, and fitting the
 * view works before any node was drawn.
 */
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -0.5, y: NODE_HEIGHT / 2 - 0.5, width: 1, height: 1 },
  { type: 'source', position: Position.Right, x: NODE_WIDTH - 0.5, y: NODE_HEIGHT / 2 - 0.5, width: 1, height: 1 },
];
const MEASURED = { width: NODE_WIDTH, height: NODE_HEIGHT };
const NONE: StepNodeType[] = [];
const NO_EDGES: FlowEdgeType[] = [];

type Point = { x: number; y: number };
type Label = { at: Point; count: number };

/** Artifact labels, one per fan (a producer's digest staged by many consumers), spread apart in their gap. */
function artifactLabels(model: GraphModel, at: (id: string) => Point): Map<string, Label> {
  const artifacts = model.edges.filter((e) => e.artifact);
  const fans = labelPerFan(
    artifacts.map((e) => ({ id: e.id, source: e.source, digest: e.artifact?.digest ?? '', stale: e.artifact?.stale ?? false, targetY: at(e.target).y })),
  );
  const points = placeEdgeLabels(
    artifacts
      .filter((e) => fans.has(e.id))
      .map((e) => ({
        id: e.id,
        source: { x: at(e.source).x + NODE_WIDTH, y: at(e.source).y + NODE_HEIGHT / 2 },
        target: { x: at(e.target).x, y: at(e.target).y + NODE_HEIGHT / 2 },
      })),
    LABEL_REACH,
    LABEL_SPACING,
  );
  const placed = new Map<string, Label>();
  for (const [id, point] of points) placed.set(id, { at: point, count: fans.get(id) ?? 1 });
  return placed;
}

/**
 * React Flow's nodes and edges for a laid-out run graph, plus what the canvas layers paint (nodes and
 * edge segments) and the graph's bounds. `hidden`: the DOM elements step aside for the zoomed-out canvas
 * overview (React Flow gets none at all, so a far zoom never makes it render thousands).
 */
export function useFlowElements(model: GraphModel, layout: GraphLayout | null, selectedId: string | null, hidden: boolean) {
  const at = useMemo(
    () =>
      (id: string): Point =>
        layout?.positions.get(id) ?? { x: 0, y: 0 },
    [layout],
  );

  const all = useMemo((): StepNodeType[] => {
    if (!layout) return [];
    return model.nodes.flatMap((node) => {
      const position = layout.positions.get(node.id);
      if (!position) return [];
      return [
        {
          id: node.id,
          type: 'step' as const,
          position,
          data: { node },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          measured: MEASURED,
          handles: HANDLES,
          selected: node.id === selectedId,
        },
      ];
    });
  }, [layout, model.nodes, selectedId]);

  const painted = useMemo((): PaintNode[] => all.map((n) => ({ x: n.position.x, y: n.position.y, status: n.data.node.status })), [all]);

  const bounds = useMemo(() => {
    if (painted.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of painted) {
      minX = Math.min(minX, n.x);
      minY = Math.min(minY, n.y);
      maxX = Math.max(maxX, n.x + NODE_WIDTH);
      maxY = Math.max(maxY, n.y + NODE_HEIGHT);
    }
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  }, [painted]);

  const segments = useMemo(() => {
    const out = new Float64Array(model.edges.length * 4);
    if (!layout) return out;
    model.edges.forEach((e, i) => {
      const s = at(e.source);
      const t = at(e.target);
      out.set([s.x + NODE_WIDTH, s.y + NODE_HEIGHT / 2, t.x, t.y + NODE_HEIGHT / 2], i * 4);
    });
    return out;
  }, [layout, model.edges, at]);

  const labels = useMemo(() => (layout ? artifactLabels(model, at) : new Map<string, Label>()), [layout, model, at]);

  const edges = useMemo(
    (): FlowEdgeType[] =>
      model.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'flow' as const,
        data: { edge, selectedEnd: edge.target === selectedId ? 'target' : edge.source === selectedId ? 'source' : null, label: labels.get(edge.id) ?? null },
        markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLES[edgeKind(edge)].stroke, width: 16, height: 16 },
        selectable: false,
        focusable: false,
        ariaLabel: edge.artifact
          ? `Artifact from ${edge.source} to ${edge.target}${edge.artifact.stale ? ' (stale)' : ''}`
          : `${edge.target} needs ${edge.source}`,
        domAttributes: { 'data-kind': edgeKind(edge) } as FlowEdgeType['domAttributes'],
      })),
    [model.edges, selectedId, labels],
  );

  return { nodes: hidden ? NONE : all, edges: hidden ? NO_EDGES : edges, painted, segments, bounds };
}

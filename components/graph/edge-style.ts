import type { GraphEdge } from '@/lib/domain/graph-model';

export type EdgeKind = 'success' | 'failure' | 'skipped' | 'artifact' | 'stale';

export function edgeKind(edge: GraphEdge): EdgeKind {
  if (edge.artifact) return edge.artifact.stale ? 'stale' : 'artifact';
  return edge.condition === 'on_failure' ? 'failure' : edge.condition === 'on_skipped' ? 'skipped' : 'success';
}

/** Stroke colour and dash of each kind of edge (CSS colours, so markers and legend match). */
export const EDGE_STYLES: Record<EdgeKind, { stroke: string; dash?: string; width: number }> = {
  success: { stroke: 'color-mix(in oklch, var(--color-muted-foreground) 60%, transparent)', width: 1.25 },
  failure: { stroke: 'var(--color-danger)', width: 1.5 },
  skipped: { stroke: 'var(--color-muted-foreground)', dash: '2 4', width: 1.5 },
  artifact: { stroke: 'var(--color-primary)', dash: '7 4', width: 1.75 },
  stale: { stroke: 'var(--color-warning)', dash: '7 4', width: 2 },
};

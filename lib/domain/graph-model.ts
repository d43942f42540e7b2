import type { StepAction } from './manifest';
import type { NeedCondition, NodeStatus } from './node-status';

/** What the graph needs of a run's node (a `NodeDto` fits). */
export interface GraphNodeSource {
  nodeId: string;
  action: StepAction;
  status: NodeStatus;
  attempt: number;
  needs: readonly { step: string; when: NeedCondition }[];
}

/** What the graph needs of an artifact edge (an `ArtifactEdge` of `RunDetail` fits). */
export interface GraphArtifactSource {
  from: string;
  to: string;
  digest: string;
  stale: boolean;
  producerDigest: string | null;
  fileCount: number | null;
  totalSize: number | null;
}

export interface GraphRunSource {
  nodes: readonly GraphNodeSource[];
  edges: readonly GraphArtifactSource[];
  waiting: { kind: 'sleep' | 'hook'; nodeId: string } | null;
}

export interface GraphNode {
  id: string;
  action: StepAction;
  status: NodeStatus;
  attempt: number;
  /** The run is idle on this node: asleep or waiting on a hook. */
  waiting: 'sleep' | 'hook' | null;
}

export type GraphArtifact = Omit<GraphArtifactSource, 'from' | 'to'>;

/**
 * One producer → consumer (or dependency → dependent) connection. A dependency that also carried an
 * artifact is one edge with both `condition` and `artifact`, so the two never draw on top of each other.
 */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** The `needs` condition, or null when the nodes are joined only by staged artifacts. */
  condition: NeedCondition | null;
  artifact: GraphArtifact | null;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const edgeId = (source: string, target: string): string => `${source}->${target}`;

/** The node DAG of a run: dependency edges from `needs`, merged with the artifact edges of staged manifests. */
export function buildGraphModel(run: GraphRunSource): GraphModel {
  const ids = new Set(run.nodes.map((n) => n.nodeId));
  const nodes = run.nodes.map(
    (n): GraphNode => ({
      id: n.nodeId,
      action: n.action,
      status: n.status,
      attempt: n.attempt,
      waiting: run.waiting?.nodeId === n.nodeId ? run.waiting.kind : null,
    }),
  );
  const edges = new Map<string, GraphEdge>();
  for (const n of run.nodes) {
    for (const need of n.needs) {
      const id = edgeId(need.step, n.nodeId);
      if (!ids.has(need.step) || need.step === n.nodeId || edges.has(id)) continue;
      edges.set(id, { id, source: need.step, target: n.nodeId, condition: need.when, artifact: null });
    }
  }
  for (const a of run.edges) {
    if (!ids.has(a.from) || !ids.has(a.to) || a.from === a.to) continue;
    const id = edgeId(a.from, a.to);
    const { from: _from, to: _to, ...artifact } = a;
    const existing = edges.get(id);
    edges.set(id, existing ? { ...existing, artifact } : { id, source: a.from, target: a.to, condition: null, artifact });
  }
  return { nodes, edges: [...edges.values()] };
}

/**
 * A key that changes only when the layout would: the node ids and the edges between them. Status,
 * attempts and artifact digests change while a run is polled; they must not re-run the layout.
 */
export function graphStructureKey(model: GraphModel): string {
  return `${model.nodes.map((n) => n.id).join('\n')}\n\n${model.edges.map((e) => e.id).join('\n')}`;
}

/** Counts by status, in the order of the given status list, for a legend. */
export function countByStatus(nodes: readonly { status: NodeStatus }[]): Partial<Record<NodeStatus, number>> {
  const counts: Partial<Record<NodeStatus, number>> = {};
  for (const n of nodes) counts[n.status] = (counts[n.status] ?? 0) + 1;
  return counts;
}

import type { NodeStatus } from './node-status';

export interface LogFocusNode {
  nodeId: string;
  status: NodeStatus;
  startedAt: string | null;
  finishedAt: string | null;
}

const later = (a: string | null, b: string | null) => (a ?? '') > (b ?? '');

/**
 * The step whose log a run's Logs tab opens on: the step the run failed at (when the run names one), else
 * a running step (the one started last), else the first step that failed, else the step started last,
 * else the first step; null for a run without steps.
 */
export function logFocusNode(nodes: readonly LogFocusNode[], failedNodeId: string | null): string | null {
  if (failedNodeId && nodes.some((n) => n.nodeId === failedNodeId)) return failedNodeId;
  let running: LogFocusNode | undefined;
  let failed: LogFocusNode | undefined;
  let started: LogFocusNode | undefined;
  for (const n of nodes) {
    if (n.status === 'running' && (!running || later(n.startedAt, running.startedAt))) running = n;
    if (n.status === 'failed' && (!failed || later(failed.finishedAt, n.finishedAt))) failed = n;
    if (n.startedAt && (!started || later(n.startedAt, started.startedAt))) started = n;
  }
  return (running ?? failed ?? started ?? nodes[0])?.nodeId ?? null;
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { NodeDto, NodeSummary } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';

/** What a node's payloads depend on: they are written when it starts, fails or finishes. */
export function nodeRevision(node: Pick<NodeSummary, 'status' | 'attempt' | 'startedAt' | 'finishedAt'>): string {
  return `${node.status}:${node.attempt}:${node.startedAt ?? ''}:${node.finishedAt ?? ''}`;
}

/**
 * One node with its input, output and error, loaded when its panel opens. The run's poll carries node
 * summaries only; when a summary changes (the node started, failed or finished), the payloads are fetched
 * again, and the previous ones stay on screen meanwhile.
 */
export function useRunNode(runId: string, node: NodeSummary) {
  return useQuery({
    queryKey: runKeys.node(runId, node.nodeId, nodeRevision(node)),
    queryFn: ({ signal }) => fetchJson<NodeDto>(routes.api.runNode(runId, node.nodeId), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

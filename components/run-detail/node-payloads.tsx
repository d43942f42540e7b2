'use client';

import { JsonViewer } from '@/components/ui/json-viewer';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/api/fetch-json';
import { useRunNode } from '@/lib/api/hooks/use-run-node';
import type { NodeSummary } from '@/lib/contract/runs';

/** A node's input, error and output, loaded when its panel opens (the run itself carries summaries only). */
export function NodePayloads({ runId, node }: { runId: string; node: NodeSummary }) {
  const { data, error, refetch, isFetching } = useRunNode(runId, node);
  if (!data) {
    if (error) {
      const message = isApiError(error) ? error.message : 'The server could not be reached.';
      return (
        <QueryError
          what="this step's input and output"
          message={message}
          action={
            <button
              type="button"
              onClick={() => void refetch()}
              disabled={isFetching}
              className="cursor-pointer rounded-md px-2 py-0.5 text-xs font-medium hover:bg-warning/15"
            >
              Retry
            </button>
          }
        />
      );
    }
    return (
      <div data-testid="node-payloads-loading" aria-busy className="space-y-2">
        <span className="sr-only">Loading the step's input and output…</span>
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-20 w-full" />
      </div>
    );
  }
  return (
    <div data-testid="node-payloads" className="space-y-5">
      {error && (
        <QueryError what="this step's latest input and output" message={isApiError(error) ? error.message : 'The server could not be reached.'} stale />
      )}
      {data.input !== null && <JsonViewer label="Input" value={data.input} defaultExpandDepth={2} />}
      {data.error !== null && <JsonViewer label="Error" value={data.error} defaultExpandDepth={3} />}
      {(data.output !== null || node.status === 'success') && (
        <JsonViewer label="Output" value={data.output} emptyText="The step succeeded without output." defaultExpandDepth={2} />
      )}
    </div>
  );
}

import { Maximize2 } from 'lucide-react';
import { LogViewer } from '@/components/logs/log-viewer';
import { AppLink } from '@/components/ui/app-link';
import type { NodeSummary } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';

/** The node panel's Logs section: the step's log in a short pane, and a link to the run's Logs tab. */
export function NodeLogs({ runId, node }: { runId: string; node: NodeSummary }) {
  return (
    <section data-testid="node-logs">
      <h3 className="mb-1.5 text-xs font-medium text-muted-foreground">Logs</h3>
      <LogViewer
        runId={runId}
        node={node}
        compact
        className="h-72"
        actions={
          <AppLink
            href={routes.run(runId, { tab: 'logs', node: node.nodeId })}
            title="Open in the run's Logs tab"
            aria-label="Open in the run's Logs tab"
            className="inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <Maximize2 aria-hidden className="size-3.5" />
          </AppLink>
        }
      />
    </section>
  );
}

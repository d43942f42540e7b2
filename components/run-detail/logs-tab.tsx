'use client';

import { FileText } from 'lucide-react';
import { NODE_STATUS_STYLES } from '@/components/graph/node-status-style';
import { LogViewer } from '@/components/logs/log-viewer';
import { EmptyState } from '@/components/ui/empty-state';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { logFocusNode } from '@/lib/domain/log-focus';
import { NODE_STATUS_LABELS } from '@/lib/domain/node-status';
import { cn } from '@/lib/utils/cn';

export interface LogsTabProps {
  run: RunDetail;
  /** The step in the URL (`?node=`); absent: the failing or active step. */
  nodeId: string | null;
  attempt?: number;
  line?: number;
  onSelect: (nodeId: string) => void;
}

/** Step logs of a run: a step picker beside one step's log, opened on the failing or active step. */
export function LogsTab({ run, nodeId, attempt, line, onSelect }: LogsTabProps) {
  const focus = nodeId && run.nodes.some((n) => n.nodeId === nodeId) ? nodeId : logFocusNode(run.nodes, run.failure?.nodeId ?? null);
  const node = run.nodes.find((n) => n.nodeId === focus);

  if (!node) {
    return (
      <EmptyState
        icon={<FileText />}
        title="No step logs"
        description={
          run.phase === 'setuperror' ? 'The run failed during setup, before any step ran. Its setup errors are listed above.' : 'This run has no steps yet.'
        }
      />
    );
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[220px_minmax(0,1fr)]" data-testid="logs-tab">
      <nav aria-label="Steps" className="min-w-0">
        <ul className="flex gap-1 overflow-x-auto pb-1 lg:max-h-[max(460px,calc(100dvh-22rem))] lg:flex-col lg:overflow-y-auto">
          {run.nodes.map((n) => {
            const style = NODE_STATUS_STYLES[n.status];
            const Icon = style.icon;
            const selected = n.nodeId === node.nodeId;
            return (
              <li key={n.nodeId} className="shrink-0">
                <button
                  type="button"
                  aria-current={selected || undefined}
                  onClick={() => onSelect(n.nodeId)}
                  title={`${n.nodeId} · ${NODE_STATUS_LABELS[n.status]}`}
                  className={cn(
                    'flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left font-mono text-xs',
                    selected ? 'bg-accent font-semibold text-foreground' : 'text-muted-foreground hover:bg-accent/60 hover:text-foreground',
                  )}
                >
                  <Icon aria-hidden className={cn('size-3.5 shrink-0', style.text, n.status === 'running' && 'animate-spin')} />
                  <span className="min-w-0 flex-1 truncate">{n.nodeId}</span>
                  <span className="sr-only">{NODE_STATUS_LABELS[n.status]}</span>
                  {n.attempt > 1 && <span className="font-sans text-[10px] text-warning">×{n.attempt}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <LogViewer
        key={node.nodeId}
        runId={run.id}
        node={node}
        attempt={node.nodeId === nodeId ? attempt : undefined}
        line={node.nodeId === nodeId ? line : undefined}
        className="h-[max(420px,calc(100dvh-25rem))]"
      />
    </div>
  );
}

'use client';

import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Timestamp } from '@/components/ui/timestamp';
import { useNow } from '@/components/ui/use-now';
import { useRunNode } from '@/lib/api/hooks/use-run-node';
import type { NodeSummary, RunDetail } from '@/lib/contract/runs';
import { shortDigest } from '@/lib/domain/digest-format';
import { NEED_CONDITIONS } from '@/lib/domain/node-status';
import { elapsedMs, formatDuration } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { NodeArtifacts } from './node-artifacts';
import { NodeLogs } from './node-logs';
import { NodePayloads } from './node-payloads';
import { NodeStatusBadge } from './status-badges';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1">
      <dt className="shrink-0 text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-right text-sm">{children}</dd>
    </div>
  );
}

export interface NodePanelProps {
  run: RunDetail;
  node: NodeSummary;
  onClose: () => void;
  onSelect: (nodeId: string) => void;
  className?: string;
}

/** Everything about one node: status, attempts, timing, needs, its log, output or error, and its artifacts. */
export function NodePanel({ run, node, onClose, onSelect, className }: NodePanelProps) {
  const running = node.status === 'running';
  const now = useNow(1_000, { live: running });
  const duration = elapsedMs(node.startedAt, node.finishedAt, now);
  const waiting = run.waiting?.nodeId === node.nodeId ? run.waiting : null;
  // The node's own record (signature, payloads) loads with the panel; NodePayloads shares this query.
  const signature = useRunNode(run.id, node).data?.signature;
  return (
    <aside
      aria-label={`Step ${node.nodeId}`}
      data-testid="node-panel"
      className={cn('flex min-h-0 flex-col overflow-hidden rounded-xl border bg-card shadow-xs', className)}
    >
      <div className="flex items-center gap-2 border-b px-4 py-3">
        <h2 className="min-w-0 flex-1 truncate font-mono text-sm font-semibold">{node.nodeId}</h2>
        <NodeStatusBadge status={node.status} />
        <button
          type="button"
          onClick={onClose}
          aria-label="Close step panel"
          className="flex size-7 cursor-pointer items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-4 py-3">
        <dl className="divide-y divide-border/60">
          <Row label="Action">{node.action}</Row>
          <Row label="Attempts">
            <span className={cn('tabular-nums', node.attempt > 1 && 'font-medium text-warning')}>{node.attempt}</span>
          </Row>
          <Row label="Started">{node.startedAt ? <Timestamp iso={node.startedAt} /> : '—'}</Row>
          <Row label="Finished">{node.finishedAt ? <Timestamp iso={node.finishedAt} /> : '—'}</Row>
          <Row label={running ? 'Running for' : 'Duration'}>
            <span suppressHydrationWarning className="tabular-nums">
              {duration === null ? '—' : formatDuration(duration)}
            </span>
          </Row>
          {waiting && (
            <Row label="Waiting">
              {waiting.kind === 'sleep' ? (
                <>
                  until <Timestamp iso={waiting.until} />
                </>
              ) : (
                <>on hook {waiting.token}</>
              )}
            </Row>
          )}
          {node.reusedFrom && <Row label="Reused from">{node.reusedFrom}</Row>}
          <Row label="Signature">
            {signature ? (
              <span className="font-mono text-xs" title={signature}>
                {shortDigest(signature)}
              </span>
            ) : (
              '…'
            )}
          </Row>
        </dl>
        {node.needs.length > 0 && (
          <section>
            <h3 className="mb-1.5 text-xs font-medium text-muted-foreground">Needs</h3>
            <ul className="flex flex-wrap gap-1.5">
              {[...node.needs]
                .sort((a, b) => NEED_CONDITIONS.indexOf(a.when) - NEED_CONDITIONS.indexOf(b.when))
                .map((need) => (
                  <li key={need.step}>
                    <button
                      type="button"
                      onClick={() => onSelect(need.step)}
                      className="cursor-pointer rounded-md border px-1.5 py-0.5 font-mono text-xs hover:bg-accent"
                    >
                      {need.step}
                      {need.when !== 'on_success' && <span className="ml-1 font-sans text-muted-foreground">{need.when.replace('_', ' ')}</span>}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        )}
        <NodeLogs runId={run.id} node={node} />
        <NodePayloads runId={run.id} node={node} />
        <NodeArtifacts run={run} node={node} onSelect={onSelect} />
      </div>
    </aside>
  );
}

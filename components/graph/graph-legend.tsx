import type { GraphModel } from '@/lib/domain/graph-model';
import { countByStatus } from '@/lib/domain/graph-model';
import { NODE_STATUS_LABELS, NODE_STATUSES } from '@/lib/domain/node-status';
import { EDGE_STYLES, type EdgeKind, edgeKind } from './edge-style';
import { NODE_STATUS_STYLES } from './node-status-style';

const EDGE_LABELS: Record<EdgeKind, string> = {
  success: 'needs',
  failure: 'on failure',
  skipped: 'on skipped',
  artifact: 'artifact',
  stale: 'stale artifact',
};

/** Status counts and the edge kinds present, under the graph. */
export function GraphLegend({ model }: { model: GraphModel }) {
  const counts = countByStatus(model.nodes);
  const kinds = new Set(model.edges.map(edgeKind));
  return (
    <div data-testid="graph-legend" className="flex flex-wrap items-center gap-x-3.5 gap-y-1 px-1 text-xs text-muted-foreground">
      {NODE_STATUSES.filter((s) => counts[s]).map((s) => {
        const Icon = NODE_STATUS_STYLES[s].icon;
        return (
          <span key={s} className="flex items-center gap-1">
            <Icon aria-hidden className={`size-3 ${NODE_STATUS_STYLES[s].text}`} />
            {NODE_STATUS_LABELS[s]} <span className="font-medium text-foreground tabular-nums">{counts[s]}</span>
          </span>
        );
      })}
      {kinds.size > 0 && <span aria-hidden className="h-3 w-px bg-border" />}
      {(Object.keys(EDGE_LABELS) as EdgeKind[])
        .filter((k) => kinds.has(k))
        .map((k) => (
          <span key={k} className="flex items-center gap-1.5">
            <svg aria-hidden width="22" height="6" className="shrink-0">
              <line x1="0" y1="3" x2="22" y2="3" style={{ stroke: EDGE_STYLES[k].stroke, strokeDasharray: EDGE_STYLES[k].dash, strokeWidth: 2 }} />
            </svg>
            {EDGE_LABELS[k]}
          </span>
        ))}
    </div>
  );
}

'use client';

import { Workflow } from 'lucide-react';
import { useMemo } from 'react';
import { GraphLegend } from '@/components/graph/graph-legend';
import { RunGraph } from '@/components/graph/run-graph';
import { EmptyState } from '@/components/ui/empty-state';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import type { SeededLayout } from '@/lib/domain/graph-layout-protocol';
import { buildGraphModel } from '@/lib/domain/graph-model';
import { cn } from '@/lib/utils/cn';
import { NodePanel } from './node-panel';

export interface GraphTabProps {
  run: RunDetail;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The server page's layout of the graph (see RunGraph). */
  seededLayout?: SeededLayout;
}

/** The DAG, and beside it the panel of the selected node. */
export function GraphTab({ run, selectedId, onSelect, seededLayout }: GraphTabProps) {
  const model = useMemo(() => buildGraphModel(run), [run]);
  const selected = selectedId ? run.nodes.find((n) => n.nodeId === selectedId) : undefined;

  if (run.nodes.length === 0) {
    return (
      <EmptyState
        icon={<Workflow />}
        title="No steps"
        description={
          run.phase === 'setuperror' ? 'The run failed during setup, before any step was created. Its setup errors are listed above.' : 'This run has no steps.'
        }
      />
    );
  }

  return (
    <div className={cn('grid gap-4', selected && 'lg:grid-cols-[minmax(0,1fr)_380px]')}>
      <div className="min-w-0 space-y-2">
        <RunGraph
          model={model}
          selectedId={selected ? selected.nodeId : null}
          onSelect={onSelect}
          seededLayout={seededLayout}
          className="h-[max(460px,calc(100dvh-22rem))]"
        />
        <GraphLegend model={model} />
      </div>
      {selected && (
        <NodePanel
          key={selected.nodeId}
          run={run}
          node={selected}
          onClose={() => onSelect(null)}
          onSelect={onSelect}
          className="lg:h-[max(460px,calc(100dvh-22rem))]"
        />
      )}
    </div>
  );
}

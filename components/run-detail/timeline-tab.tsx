'use client';

import { ChartGantt } from 'lucide-react';
import { useMemo } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { useNow } from '@/components/ui/use-now';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { useRunWaitEvents } from '@/lib/api/hooks/use-run-events';
import { isActive } from '@/lib/domain/run-phase';
import { timelineRange, timelineRows } from '@/lib/domain/timeline';
import { RefetchError } from './refetch-error';
import { TimelineChart } from './timeline-chart';

/** The timeline of the run's nodes, with sleep and hook waits from the event log. */
export function TimelineTab({ run, onOpenNode }: { run: RunDetail; onOpenNode: (nodeId: string) => void }) {
  const live = isActive(run.phase);
  const waits = useRunWaitEvents(run.id, live);
  const now = useNow(1_000, { live });
  const rows = useMemo(() => timelineRows(run.nodes, waits.data ?? [], now), [run.nodes, waits.data, now]);
  const range = useMemo(() => timelineRange(rows, run, now), [rows, run, now]);

  if (run.nodes.length === 0 || !rows.some((r) => r.start !== null)) {
    return (
      <EmptyState
        icon={<ChartGantt />}
        title="Nothing has run yet"
        description={run.nodes.length === 0 ? 'This run has no steps.' : 'No step of this run has started. Bars appear as steps start.'}
      />
    );
  }
  return (
    <div className="space-y-3">
      {waits.error && <RefetchError error={waits.error} what="the waiting stretches" />}
      <TimelineChart rows={rows} range={range} now={live ? now : null} onOpenNode={onOpenNode} />
      <p className="flex items-center gap-2 text-xs text-muted-foreground">
        <span className="inline-block h-2.5 w-5 rounded-[2px] bg-info bg-[repeating-linear-gradient(135deg,rgb(255_255_255/0.5)_0_3px,transparent_3px_7px)]" />
        waiting on a sleep or a hook
        {live && (
          <>
            <span className="ml-3 inline-block h-3 border-l-2 border-primary/70" /> now
          </>
        )}
      </p>
    </div>
  );
}

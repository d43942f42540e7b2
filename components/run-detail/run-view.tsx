'use client';

import { Braces, ChartGantt, History, ListTree, ScrollText, Workflow } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { EntityHistory } from '@/components/commits/entity-history';
import { TabPanel, Tabs } from '@/components/ui/tabs';
import { useRun } from '@/lib/api/hooks/use-run';
import { RUN_TABS, type RunTab, RunViewSearch } from '@/lib/contract/schemas';
import type { SeededLayout } from '@/lib/domain/graph-layout-protocol';
import { routes } from '@/lib/routes';
import { EventsTab } from './events-tab';
import { GraphTab } from './graph-tab';
import { IoTab } from './io-tab';
import { LogsTab } from './logs-tab';
import { RefetchError } from './refetch-error';
import { RunHeader } from './run-header';
import { TimelineTab } from './timeline-tab';

const TAB_LABELS: Record<RunTab, string> = {
  graph: 'Graph',
  timeline: 'Timeline',
  logs: 'Logs',
  events: 'Events',
  io: 'Input & output',
  history: 'History',
};
const TAB_ICONS: Record<RunTab, typeof Workflow> = { graph: Workflow, timeline: ChartGantt, logs: ScrollText, events: ListTree, io: Braces, history: History };
/** Tabs that keep the selected step when switched to. */
const NODE_TABS: readonly RunTab[] = ['graph', 'logs'];

/**
 * A run's page below the server's first paint: header and tabs. The tab and the selected node live in
 * the URL (`?tab=graph&node=build`), changed with the History API so switching never reloads the run.
 * `etag` is the entity tag of the run the server page seeded (see useRun), `layout` its graph laid out.
 */
export function RunView({ runId, etag, layout }: { runId: string; etag?: string; layout?: SeededLayout | null }) {
  const { data: run, error } = useRun(runId, etag);
  const params = useSearchParams();
  const { tab, node, attempt, line } = RunViewSearch.parse({
    tab: params.get('tab') ?? undefined,
    node: params.get('node') ?? undefined,
    attempt: params.get('attempt') ?? undefined,
    line: params.get('line') ?? undefined,
  });

  const navigate = useCallback(
    (next: { tab: RunTab; node?: string | null }, mode: 'push' | 'replace' = 'push') => {
      const href = routes.run(runId, { tab: next.tab === 'graph' ? undefined : next.tab, node: next.node ?? undefined });
      if (mode === 'push') window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
    },
    [runId],
  );
  const selectNode = useCallback((id: string | null) => navigate({ tab: 'graph', node: id }, 'replace'), [navigate]);
  const openNode = useCallback((id: string) => navigate({ tab: 'graph', node: id }), [navigate]);
  const selectLogNode = useCallback((id: string) => navigate({ tab: 'logs', node: id }, 'replace'), [navigate]);

  // The server page seeds the run, so this only shows if the cache was dropped and the refetch failed.
  if (!run) return error ? <RefetchError error={error} /> : null;

  const items = RUN_TABS.map((value) => {
    const Icon = TAB_ICONS[value];
    return { value, label: TAB_LABELS[value], icon: <Icon aria-hidden />, href: routes.run(runId, { tab: value === 'graph' ? undefined : value }) };
  });

  return (
    <>
      <RunHeader run={run} />
      {error && <RefetchError error={error} />}
      <Tabs
        items={items}
        value={tab}
        onChange={(value) => navigate({ tab: value, node: NODE_TABS.includes(value) ? node : undefined })}
        label="Run views"
        idBase="run"
        className="mb-4"
      />
      <TabPanel idBase="run" value={tab}>
        {tab === 'graph' && <GraphTab run={run} selectedId={node ?? null} onSelect={selectNode} seededLayout={layout ?? undefined} />}
        {tab === 'timeline' && <TimelineTab run={run} onOpenNode={openNode} />}
        {tab === 'logs' && <LogsTab run={run} nodeId={node ?? null} attempt={attempt} line={line} onSelect={selectLogNode} />}
        {tab === 'events' && <EventsTab run={run} />}
        {tab === 'io' && <IoTab run={run} />}
        {tab === 'history' && <EntityHistory entity="run" id={run.id} />}
      </TabPanel>
    </>
  );
}

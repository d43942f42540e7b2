'use client';

import { Activity, FileCode2, GitCompareArrows, History } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { EntityHistory } from '@/components/commits/entity-history';
import { QueryError } from '@/components/ui/query-error';
import { TabPanel, Tabs } from '@/components/ui/tabs';
import { Toaster } from '@/components/ui/toast';
import { isApiError } from '@/lib/api/fetch-json';
import { useVersion } from '@/lib/api/hooks/use-version';
import { VERSION_TABS, type VersionTab, VersionViewSearch } from '@/lib/contract/schemas';
import { routes } from '@/lib/routes';
import { DiffTab } from './diff-tab';
import { DrainPanel } from './drain-panel';
import { ManifestTab } from './manifest-tab';
import { VersionActions } from './version-actions';
import { VersionHeader } from './version-header';

const TAB_LABELS: Record<VersionTab, string> = { overview: 'Manifest', drain: 'Drain', diff: 'Diff', history: 'History' };
const TAB_ICONS: Record<VersionTab, typeof Activity> = { overview: FileCode2, drain: Activity, diff: GitCompareArrows, history: History };

const tabQuery = (tab: VersionTab, against?: string) => ({ tab: tab === 'overview' ? undefined : tab, against: tab === 'diff' ? against : undefined });

/**
 * A version's page below the server's first paint: header with the actions its state allows, and
 * tabs (`?tab=`; the diff's other version in `?against=`), switched with the History API.
 */
export function VersionView({ versionId }: { versionId: string }) {
  const { data: version, error } = useVersion(versionId);
  const params = useSearchParams();
  const { tab, against } = VersionViewSearch.parse({ tab: params.get('tab') ?? undefined, against: params.get('against') ?? undefined });

  const navigate = useCallback(
    (next: VersionTab, nextAgainst?: string, mode: 'push' | 'replace' = 'push') => {
      const href = routes.version(versionId, tabQuery(next, nextAgainst));
      if (mode === 'push') window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
    },
    [versionId],
  );

  if (!version) {
    return error ? <QueryError what="this version" message={isApiError(error) ? error.message : 'The server could not be reached.'} /> : null;
  }

  const items = VERSION_TABS.map((value) => {
    const Icon = TAB_ICONS[value];
    const label = value === 'drain' && version.activeRuns > 0 ? `${TAB_LABELS[value]} (${version.activeRuns.toLocaleString('en-US')})` : TAB_LABELS[value];
    return { value, label, icon: <Icon aria-hidden />, href: routes.version(versionId, tabQuery(value, against)) };
  });

  return (
    <div data-testid="version-view" data-state={version.isCurrent ? 'current' : version.status}>
      <Toaster />
      <VersionHeader version={version} actions={<VersionActions version={version} onShowDrain={() => navigate('drain')} />} />
      {error && <QueryError what="this version" message={isApiError(error) ? error.message : 'The server could not be reached.'} stale className="mb-4" />}
      <Tabs items={items} value={tab} onChange={(value) => navigate(value, against)} label="Version views" idBase="version" className="mb-5" />
      <TabPanel idBase="version" value={tab}>
        {tab === 'overview' && <ManifestTab version={version} />}
        {tab === 'drain' && <DrainPanel version={version} />}
        {tab === 'diff' && <DiffTab version={version} against={against ?? null} onPick={(id) => navigate('diff', id, 'replace')} />}
        {tab === 'history' && <EntityHistory entity="version" id={version.id} />}
      </TabPanel>
    </div>
  );
}

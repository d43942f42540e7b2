import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { VersionView } from '@/components/versions/version-view';
import { ENTITY_HISTORY_PAGE } from '@/lib/api/hooks/use-commits';
import { ALL_VERSIONS } from '@/lib/api/hooks/use-versions';
import { commitKeys, versionKeys } from '@/lib/api/query-keys';
import { VersionParams, VersionViewSearch } from '@/lib/contract/schemas';
import { listCommits } from '@/lib/db/queries/commits';
import { diffVersions } from '@/lib/db/queries/version-diff';
import { getDrainReport, getVersion, listVersions } from '@/lib/db/queries/versions';
import { AppError } from '@/lib/errors';
import { routes } from '@/lib/routes';
import { pageLoader } from '@/lib/server/page-loader';
import { getStore } from '@/lib/server/store';

interface VersionPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The version, or the not-found page for a malformed or unknown id. */
const loadVersion = pageLoader({
  params: VersionParams,
  path: ({ id }) => routes.version(id),
  load: (db, { id }) => getVersion(db, id),
});

export async function generateMetadata({ params }: VersionPageProps): Promise<Metadata> {
  const version = await loadVersion(params);
  return { title: `${version.label ?? version.id} · Versions` };
}

/**
 * An expected failure of the diff (the version compared with is unknown) is left unseeded: the diff tab asks
 * the API and shows the failure in its own place. Anything else is a bug, for the segment's error boundary.
 */
function leaveToDiffTab(err: unknown): null {
  if (err instanceof AppError) return null;
  throw err;
}

/** A version: header, actions and the tab in the URL render on the server, then stay live. */
export default async function VersionPage({ params, searchParams }: VersionPageProps) {
  const version = await loadVersion(params);
  const sp = await searchParams;
  const { tab, against } = VersionViewSearch.parse({ tab: sp.tab, against: sp.against });
  const { db } = await getStore();
  const [items, drain, history, diff] = await Promise.all([
    listVersions(db),
    getDrainReport(db, version.id),
    tab === 'history' ? listCommits(db, { entity: 'version', id: version.id, limit: ENTITY_HISTORY_PAGE }) : null,
    tab === 'diff' && against && against !== version.id ? diffVersions(db, version.id, against).catch(leaveToDiffTab) : null,
  ]);

  const qc = new QueryClient();
  qc.setQueryData(versionKeys.detail(version.id), version);
  qc.setQueryData(versionKeys.list(ALL_VERSIONS), { items });
  qc.setQueryData(versionKeys.drain(version.id), drain);
  if (history) qc.setQueryData(commitKeys.list({ entity: 'version', id: version.id, pageSize: ENTITY_HISTORY_PAGE }), { pages: [history], pageParams: [null] });
  if (diff && against) qc.setQueryData(versionKeys.diff(version.id, against), diff);

  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <VersionView versionId={version.id} />
    </HydrationBoundary>
  );
}

/**
 * Every href of the app and every path of the HTTP API. Build paths here, never by string
 * concatenation at the call site. Ids and digests are encoded as one path segment each
 * (`sha256:` digests keep their colon, which is legal in a path segment).
 */

type QueryValue = string | number | boolean | null | undefined;
/** Query parameters: empty, null and undefined values are left out; arrays are sent comma-separated (`phase=queued,running`). */
export type Query = Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

const seg = (value: string): string => encodeURIComponent(value).replace(/%3A/gi, ':');

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]) as readonly QueryValue[];
    const value = values.filter((v) => v !== undefined && v !== null && v !== '').join(',');
    if (value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const API = '/api/v1';

export const routes = {
  home: () => '/',
  runs: (query?: Query) => withQuery('/runs', query),
  /** A run's page; `query` picks the tab and the selected node (`{ tab: 'graph', node: 'build' }`). */
  run: (id: string, query?: Query) => withQuery(`/runs/${seg(id)}`, query),
  versions: (query?: Query) => withQuery('/versions', query),
  /** A version's page; `query` picks the tab (`{ tab: 'diff', against: 'vers_…' }`). */
  version: (id: string, query?: Query) => withQuery(`/versions/${seg(id)}`, query),
  /** Runs found by the text of their step logs (`q`, `workflow`, `from`, `to`). */
  logSearch: (query?: Query) => withQuery('/logs', query),
  commits: (query?: Query) => withQuery('/commits', query),
  commit: (id: string) => `/commits/${seg(id)}`,
  artifact: (digest: string) => `/artifacts/${seg(digest)}`,
  /** The API reference page (the OpenAPI document for people). */
  apiDocs: () => '/api-docs',
  /** The sign-in page; `next` is where to go afterwards (a path of this app). */
  signIn: (next?: string) => withQuery('/sign-in', { next }),

  api: {
    health: () => `${API}/health`,
    openapi: () => `${API}/openapi.json`,

    runs: (query?: Query) => withQuery(`${API}/runs`, query),
    runCounts: (query?: Query) => withQuery(`${API}/runs/counts`, query),
    runFacets: () => `${API}/runs/facets`,
    run: (id: string) => `${API}/runs/${seg(id)}`,
    runEvents: (id: string, query?: Query) => withQuery(`${API}/runs/${seg(id)}/events`, query),
    runNode: (id: string, nodeId: string) => `${API}/runs/${seg(id)}/nodes/${seg(nodeId)}`,
    runNodeArtifactManifest: (id: string, nodeId: string) => `${API}/runs/${seg(id)}/nodes/${seg(nodeId)}/artifact-manifest`,
    /** A node's log: JSON pages (`attempt`, `cursor`, `limit`), or the whole attempt as text with `format: 'text'`. */
    runNodeLogs: (id: string, nodeId: string, query?: Query) => withQuery(`${API}/runs/${seg(id)}/nodes/${seg(nodeId)}/logs`, query),
    /** A node's log live (server-sent events). */
    runNodeLogStream: (id: string, nodeId: string, query?: Query) => withQuery(`${API}/runs/${seg(id)}/nodes/${seg(nodeId)}/logs/stream`, query),
    /** Runs whose step logs contain `q` (`workflow`, `from`, `to`, `limit`). */
    logSearch: (query: Query) => withQuery(`${API}/logs/search`, query),
    runCancel: (id: string) => `${API}/runs/${seg(id)}/cancel`,
    runPause: (id: string) => `${API}/runs/${seg(id)}/pause`,
    runResume: (id: string) => `${API}/runs/${seg(id)}/resume`,
    runUpgrade: (id: string) => `${API}/runs/${seg(id)}/upgrade`,

    versions: (query?: Query) => withQuery(`${API}/versions`, query),
    version: (id: string) => `${API}/versions/${seg(id)}`,
    versionCurrent: () => `${API}/versions/current`,
    versionDrain: (id: string) => `${API}/versions/${seg(id)}/drain`,
    versionSunset: (id: string) => `${API}/versions/${seg(id)}/sunset`,
    versionSetCurrent: (id: string) => `${API}/versions/${seg(id)}/set-current`,
    /** Bulk upgrade of a version's active runs (the route is `upgrade-runs`). */
    versionUpgradeRuns: (id: string) => `${API}/versions/${seg(id)}/upgrade-runs`,
    versionDiff: (id: string, against: string) => withQuery(`${API}/versions/${seg(id)}/diff`, { against }),

    job: (id: string) => `${API}/jobs/${seg(id)}`,

    commits: (query?: Query) => withQuery(`${API}/commits`, query),
    commit: (id: string) => `${API}/commits/${seg(id)}`,

    tokens: () => `${API}/tokens`,
    token: (id: string) => `${API}/tokens/${seg(id)}`,
    session: () => `${API}/session`,

    blob: (digest: string) => `${API}/blobs/${seg(digest)}`,
    manifest: (digest: string) => `${API}/manifests/${seg(digest)}`,
    artifactUsage: (digest: string) => `${API}/artifacts/${seg(digest)}/usage`,
    hook: (token: string) => `${API}/hooks/${seg(token)}`,

    runnerClaim: () => `${API}/runner/claim`,
    runnerHeartbeat: () => `${API}/runner/heartbeat`,
    runnerRelease: () => `${API}/runner/release`,
    /** The step cache: `{ signature, staged }`, staged as JSON. */
    runnerCache: (query: Query) => withQuery(`${API}/runner/cache`, query),

    sourceImport: (source: string) => `${API}/sources/${seg(source)}/import`,
    sourceRuns: (source: string) => `${API}/sources/${seg(source)}/runs`,
    sourceActionsClaim: (source: string) => `${API}/sources/${seg(source)}/actions/claim`,
    sourceActionComplete: (source: string, actionId: string) => `${API}/sources/${seg(source)}/actions/${seg(actionId)}/complete`,
  },
} as const;

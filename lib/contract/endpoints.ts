import type { Role } from '@/lib/domain/roles';
import * as a from './auth-schemas';
import type { EndpointSpec, HttpMethod } from './endpoint-spec';
import * as c from './engine-import';
import { IMPORT_BODY_LIMIT, LOG_BODY_LIMIT, VERSION_BODY_LIMIT } from './limits';
import * as l from './logs';
import * as s from './schemas';

/**
 * Every endpoint of the HTTP API, once: who may call it and the zod schemas of its input. A route
 * handler names its key and gets its input parsed by these schemas, typed from its entry
 * (lib/server/endpoint.ts); the OpenAPI document is generated from it, and a test fails when a route
 * file and this table disagree.
 */
export const ENDPOINTS = {
  'GET /api/v1/health': { summary: 'Liveness, engine and schema version', tag: 'system', access: 'public' },
  'GET /api/v1/openapi.json': { summary: 'This API as an OpenAPI 3.1 document', tag: 'system', access: 'public' },

  'GET /api/v1/runs': { summary: 'List runs (filters, keyset paging)', tag: 'runs', access: 'viewer', query: s.RunListQuery },
  'POST /api/v1/runs': {
    summary: 'Create a run on a version (default: current)',
    tag: 'runs',
    access: 'operator',
    body: s.CreateRunBody,
    success: { status: 201, description: 'the run' },
  },
  'GET /api/v1/runs/counts': { summary: 'Run counts per phase and result', tag: 'runs', access: 'viewer', query: s.RunFilters },
  'GET /api/v1/runs/facets': { summary: 'Workflow and version choices of the run filters', tag: 'runs', access: 'viewer' },
  'GET /api/v1/runs/{runId}': {
    summary: 'One run with its node summaries and artifact edges',
    tag: 'runs',
    access: 'viewer',
    params: s.RunParams,
    conditional: true,
  },
  'GET /api/v1/runs/{runId}/nodes/{nodeId}': {
    summary: 'One node of a run with its input, output and error',
    tag: 'runs',
    access: 'viewer',
    params: s.NodeParams,
  },
  'GET /api/v1/runs/{runId}/events': {
    summary: "A run's event log",
    tag: 'runs',
    access: 'viewer',
    params: s.RunParams,
    query: s.EventQuery,
  },
  'POST /api/v1/runs/{runId}/events': {
    summary: 'Append a batch of engine events (all or nothing)',
    tag: 'runs',
    access: 'operator',
    params: s.RunParams,
    body: s.EventBatchBody,
  },
  'POST /api/v1/runs/{runId}/nodes/{nodeId}/logs': {
    summary: "Append a batch of a step attempt's output (idempotent by seq; lease checked when given)",
    tag: 'logs',
    access: 'operator',
    params: s.NodeParams,
    body: l.LogAppendBody,
    bodyLimit: LOG_BODY_LIMIT,
  },
  'GET /api/v1/runs/{runId}/nodes/{nodeId}/logs': {
    summary: "A step attempt's log: JSON pages after a cursor, or the whole attempt as text",
    tag: 'logs',
    access: 'viewer',
    params: s.NodeParams,
    query: l.LogQuery,
    success: {
      status: 200,
      description:
        'a page of lines (JSON); with `Accept: text/plain` or `format=text`, the whole attempt as a plain-text download, ending with a line saying how much was cut when it was',
      media: ['application/json', 'text/plain'],
    },
  },
  'GET /api/v1/runs/{runId}/nodes/{nodeId}/logs/stream': {
    summary: "Tail a step attempt's log live (server-sent events)",
    tag: 'logs',
    access: 'viewer',
    params: s.NodeParams,
    query: l.LogStreamQuery,
    success: {
      status: 200,
      description:
        'server-sent events: `lines` events (data: a JSON array of lines; id: the last line number; reconnect with `Last-Event-ID` to resume after it), keepalive comments, and one `end` event (data: the attempt info) when the attempt is over',
      media: ['text/event-stream'],
    },
  },
  'GET /api/v1/logs/search': {
    summary: 'Runs whose step logs contain the words (newest first, with the first matching line)',
    tag: 'logs',
    access: 'viewer',
    query: l.LogSearchQuery,
  },
  'PUT /api/v1/runs/{runId}/nodes/{nodeId}/artifact-manifest': {
    summary: 'Record (or clear with "") the manifest a node published',
    tag: 'artifacts',
    access: 'operator',
    params: s.NodeParams,
    body: s.ArtifactManifestBody,
  },
  'POST /api/v1/runs/{runId}/cancel': {
    summary: 'Cancel a run',
    tag: 'runs',
    access: 'operator',
    params: s.RunParams,
    body: s.ExpectedBody,
    bodyOptional: true,
  },
  'POST /api/v1/runs/{runId}/pause': {
    summary: 'Pause a run',
    tag: 'runs',
    access: 'operator',
    params: s.RunParams,
    body: s.ExpectedBody,
    bodyOptional: true,
  },
  'POST /api/v1/runs/{runId}/resume': {
    summary: 'Resume a paused run',
    tag: 'runs',
    access: 'operator',
    params: s.RunParams,
    body: s.ExpectedBody,
    bodyOptional: true,
  },
  'POST /api/v1/runs/{runId}/upgrade': {
    summary: 'Upgrade a run to another version (dry run first)',
    tag: 'runs',
    access: 'operator',
    params: s.RunParams,
    body: s.UpgradeBody,
    success: {
      status: 201,
      description:
        'the paused old run and the new run (200 with the report on a dry run; 202 for a run of an engine Flowdeck does not run: its connector starts the new run)',
    },
  },

  'GET /api/v1/artifacts/{digest}/usage': {
    summary: 'Producers and consumers of a manifest or blob digest',
    tag: 'artifacts',
    access: 'viewer',
    params: s.DigestParams,
  },
  'GET /api/v1/blobs/{digest}': {
    summary: 'Blob bytes',
    tag: 'artifacts',
    access: 'viewer',
    params: s.DigestParams,
    success: { status: 200, description: 'the bytes', binary: true },
  },
  'PUT /api/v1/blobs/{digest}': {
    summary: 'Store bytes under their sha256 (verified, idempotent)',
    tag: 'artifacts',
    access: 'operator',
    params: s.DigestParams,
    body: 'binary',
    success: { status: 201, description: 'stored (200 when it already was)' },
  },
  'GET /api/v1/manifests/{digest}': { summary: 'An artifact manifest', tag: 'artifacts', access: 'viewer', params: s.DigestParams },
  'PUT /api/v1/manifests/{digest}': {
    summary: 'Store a manifest under the digest of its RFC 8785 form',
    tag: 'artifacts',
    access: 'operator',
    params: s.DigestParams,
    body: s.ManifestBody,
    success: { status: 201, description: 'stored (200 when it already was)' },
  },

  'GET /api/v1/versions': { summary: 'List versions', tag: 'versions', access: 'viewer' },
  'POST /api/v1/versions': {
    summary: 'Register a version from its manifest',
    tag: 'versions',
    access: 'operator',
    body: s.CreateVersionBody,
    bodyLimit: VERSION_BODY_LIMIT,
    success: { status: 201, description: 'the version' },
  },
  'GET /api/v1/versions/current': { summary: 'The version new runs go to', tag: 'versions', access: 'viewer', errors: [404] },
  'GET /api/v1/versions/{id}': { summary: 'One version', tag: 'versions', access: 'viewer', params: s.VersionParams },
  'PATCH /api/v1/versions/{id}': {
    summary: 'Update label, address or source',
    tag: 'versions',
    access: 'operator',
    params: s.VersionParams,
    body: s.UpdateVersionBody,
  },
  'DELETE /api/v1/versions/{id}': {
    summary: 'Delete a version (soft once sunset)',
    tag: 'versions',
    access: 'admin',
    params: s.VersionParams,
    body: s.ExpectedBody,
    bodyOptional: true,
    success: { status: 204, description: 'deleted' },
  },
  'POST /api/v1/versions/{id}/set-current': {
    summary: 'Make the version current (also rollback)',
    tag: 'versions',
    access: 'operator',
    params: s.VersionParams,
    body: s.ExpectedBody,
    bodyOptional: true,
  },
  'POST /api/v1/versions/{id}/sunset': {
    summary: 'Sunset: safe or drain (operator), force (admin)',
    tag: 'versions',
    access: 'operator',
    params: s.VersionParams,
    body: s.SunsetBody,
  },
  'GET /api/v1/versions/{id}/drain': { summary: 'Active runs that tie the version down', tag: 'versions', access: 'viewer', params: s.VersionParams },
  'GET /api/v1/versions/{id}/diff': {
    summary: 'Compare with another version, with blast radius',
    tag: 'versions',
    access: 'viewer',
    params: s.VersionParams,
    query: s.DiffQuery,
  },
  'POST /api/v1/versions/{id}/upgrade-runs': {
    summary: "Upgrade a version's active runs (dry run, or a job)",
    tag: 'versions',
    access: 'operator',
    params: s.VersionParams,
    body: s.BulkUpgradeBody,
    success: { status: 202, description: 'the job (200 with counts on a dry run)' },
  },

  // The runner contract, request and response shapes: lib/contract/runner.ts.
  'POST /api/v1/runner/claim': {
    summary: 'Lease up to `capacity` claimable runs (oldest first)',
    tag: 'runner',
    access: 'operator',
    body: s.RunnerClaimBody,
  },
  'POST /api/v1/runner/heartbeat': {
    summary: "Extend a runner's leases; tells it which runs to stop",
    tag: 'runner',
    access: 'operator',
    body: s.RunnerHeartbeatBody,
  },
  'POST /api/v1/runner/release': { summary: 'Free the leases a runner owns', tag: 'runner', access: 'operator', body: s.RunnerReleaseBody },
  'GET /api/v1/runner/cache': {
    summary: 'A successful node with the same step signature and staged inputs',
    tag: 'runner',
    access: 'viewer',
    query: s.CacheQuery,
  },
  'POST /api/v1/hooks/{token}': {
    summary: 'Deliver a hook: resumes the run waiting on the token',
    tag: 'runner',
    access: 'operator',
    params: s.HookParams,
    body: s.HookBody,
    bodyOptional: true,
  },

  'GET /api/v1/jobs/{id}': { summary: "A bulk job's progress", tag: 'jobs', access: 'viewer', params: s.JobParams },
  'GET /api/v1/commits': { summary: 'The commit log, newest first', tag: 'commits', access: 'viewer', query: s.CommitQuery },
  'GET /api/v1/commits/{id}': { summary: 'One commit with before and after', tag: 'commits', access: 'viewer', params: s.CommitParams },

  'POST /api/v1/sources/{source}/import': {
    summary: "Import an engine's deployments and runs (idempotent; each batch lands whole)",
    tag: 'connectors',
    access: 'operator',
    params: c.SourceParams,
    body: c.ImportBody,
    bodyLimit: IMPORT_BODY_LIMIT,
  },
  'GET /api/v1/sources/{source}/runs': {
    summary: 'The engine ids and import digests the store holds of a source',
    tag: 'connectors',
    access: 'operator',
    params: c.SourceParams,
    query: c.SourceRunsQuery,
  },
  'POST /api/v1/sources/{source}/actions/claim': {
    summary: 'Lease the open operator actions of a source to its connector',
    tag: 'connectors',
    access: 'operator',
    params: c.SourceParams,
    body: c.ActionClaimBody,
  },
  'POST /api/v1/sources/{source}/actions/{actionId}/complete': {
    summary: 'Report an operator action the engine carried out (or refused)',
    tag: 'connectors',
    access: 'operator',
    params: c.ActionParams,
    body: c.ActionCompleteBody,
  },

  'GET /api/v1/tokens': { summary: 'List API tokens (never their secrets)', tag: 'auth', access: 'admin' },
  'POST /api/v1/tokens': {
    summary: 'Create an API token; its secret is in this response only',
    tag: 'auth',
    access: 'admin',
    body: a.CreateTokenBody,
    success: { status: 201, description: 'the token and its secret (shown once)' },
  },
  'GET /api/v1/tokens/{id}': { summary: 'One API token', tag: 'auth', access: 'admin', params: a.TokenParams },
  'DELETE /api/v1/tokens/{id}': {
    summary: 'Revoke an API token (its sessions end too)',
    tag: 'auth',
    access: 'admin',
    params: a.TokenParams,
    success: { status: 204, description: 'revoked' },
  },
  'GET /api/v1/session': { summary: 'Whether authentication is on, and who the caller is', tag: 'auth', access: 'public' },
  'POST /api/v1/session': {
    summary: 'Sign in to the dashboard with a token: sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: a.SignInBody,
    success: { status: 200, description: 'the caller; the session is in an httpOnly cookie' },
  },
  'DELETE /api/v1/session': {
    summary: 'Sign out: clears the session cookie',
    tag: 'auth',
    access: 'public',
    success: { status: 204, description: 'signed out' },
  },
} as const satisfies Record<string, EndpointSpec>;

/** A forced sunset (`POST …/sunset` with mode force) needs more than the endpoint's access. */
export const FORCE_SUNSET_ACCESS: Role = 'admin';

export type EndpointKey = keyof typeof ENDPOINTS;

export function endpointSpec(key: EndpointKey): EndpointSpec {
  return ENDPOINTS[key];
}

export function splitKey(key: string): { method: HttpMethod; path: string } {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { method, path };
}

function templateRegex(template: string): RegExp {
  const source = template
    .split('/')
    .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

const TEMPLATES = [...new Set(Object.keys(ENDPOINTS).map((key) => splitKey(key).path))].map((path) => ({
  path,
  regex: templateRegex(path),
  // Literal segments win over parameters: /runs/counts is not /runs/{runId}.
  literals: path.split('/').filter((p) => p && !p.startsWith('{')).length,
}));
TEMPLATES.sort((a, b) => b.literals - a.literals);

/** The route template a request path falls under and the methods it allows; null for no route. */
export function matchPath(pathname: string): { path: string; methods: HttpMethod[] } | null {
  const hit = TEMPLATES.find((t) => t.regex.test(pathname));
  if (!hit) return null;
  const methods = Object.keys(ENDPOINTS)
    .map(splitKey)
    .filter((k) => k.path === hit.path)
    .map((k) => k.method);
  return { path: hit.path, methods };
}

import type { z } from 'zod';
import type { Role } from '@/lib/domain/roles';

/** The shape of an entry of the endpoint table (./endpoints.ts), and the API's tags. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** `public` needs no token even when authentication is on; otherwise the weakest role allowed. */
export type Access = Role | 'public';

export const API_TAGS = ['system', 'runs', 'logs', 'artifacts', 'versions', 'commits', 'jobs', 'runner', 'connectors', 'auth'] as const;
export type ApiTag = (typeof API_TAGS)[number];

/** What each tag is called on the API page and what it covers (also the OpenAPI document's tag descriptions). */
export const API_TAG_INFO: Record<ApiTag, { title: string; description: string }> = {
  system: { title: 'System', description: 'Health and this document' },
  runs: { title: 'Runs', description: 'The run index, engine ingest of runs and events, and operator actions on runs' },
  logs: {
    title: 'Step logs',
    description:
      "Each step attempt's output: engines and runners append it in numbered batches; read it in pages, as plain text, live as server-sent events, or search it across runs",
  },
  artifacts: { title: 'Artifacts', description: 'Content-addressed blobs and manifests, and which nodes produced or consumed them' },
  versions: { title: 'Versions', description: 'The version registry: create, update, drain, sunset, diff and bulk upgrade' },
  commits: { title: 'Commits', description: 'The linear, append-only history of every change made through the API' },
  jobs: { title: 'Jobs', description: 'Progress of long-running bulk jobs' },
  runner: { title: 'Runner', description: 'Leases for runners (claim, heartbeat, release), the step cache, and hook delivery' },
  connectors: {
    title: 'Connectors',
    description: 'Import the runs of an engine Flowdeck does not run (the Workflow SDK), and the operator actions its connector carries back to it',
  },
  auth: { title: 'Tokens and sessions', description: 'API tokens (admin) and dashboard sessions (sign in with a token, sign out)' },
};

export type SuccessMedia = 'application/json' | 'text/plain' | 'text/event-stream';

export interface EndpointSpec {
  summary: string;
  tag: ApiTag;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** A JSON body schema, or `binary` for raw bytes. */
  body?: z.ZodType | 'binary';
  /** The body may be left out entirely (expectedVersion then comes from If-Match). */
  bodyOptional?: boolean;
  /** Bytes past which the body is refused with 413 (default: JSON_LIMIT for JSON, BLOB_LIMIT for bytes). */
  bodyLimit?: number;
  /** Error statuses beyond the ones its inputs and access imply (e.g. 404 with no id in the path). */
  errors?: readonly number[];
  /** The answer carries an entity tag; a GET naming it in `If-None-Match` gets 304 and no body (cheap polling). */
  conditional?: boolean;
  /** Success status and what it returns: JSON unless `binary` (bytes) or `media` (the media types it answers with, JSON first when it is one). */
  success?: { status: number; description: string; binary?: boolean; media?: readonly SuccessMedia[] };
}

import type { z } from 'zod';
import { API_TAG_INFO, API_TAGS, type ApiTag, type EndpointSpec, type SuccessMedia } from '@/lib/contract/endpoint-spec';
import { ENDPOINTS, type EndpointKey, splitKey } from '@/lib/contract/endpoints';
import { BLOB_LIMIT, JSON_DEPTH_LIMIT, JSON_LIMIT } from '@/lib/contract/limits';
import { SESSION_COOKIE } from '@/lib/contract/session';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { type JsonSchema, schemaCollector } from './openapi-schemas';

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from ENDPOINTS and their zod schemas. Pure: the
 * same table always gives the same document. Served at GET /api/v1/openapi.json and read by the API page.
 */

export type { JsonSchema } from './openapi-schemas';

/** The dashboard's session cookie (the other way to authenticate besides a bearer token). */
export { SESSION_COOKIE };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: ApiTag[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security: Record<string, string[]>[];
  'x-flowdeck-role': EndpointSpec['access'];
  'x-flowdeck-body-limit'?: number;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: ApiTag; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

/** One response per error status, named for components.responses. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Invalid input: a path, query or body value fails its schema (`fields` says which).' },
  401: { name: 'Unauthorized', description: 'No valid token or session: missing, malformed, unknown or expired.' },
  403: { name: 'Forbidden', description: 'The token or session is valid but its role is too weak for this operation.' },
  404: { name: 'NotFound', description: 'No such entity (or no API route at this path).' },
  405: { name: 'MethodNotAllowed', description: 'The path exists but not with this method; `Allow` lists the methods it has.' },
  409: { name: 'Conflict', description: 'A stale `expectedVersion`/`If-Match`, or the entity is in a state that refuses the change.' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the limit of this operation.' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not sent as `application/json`.' },
  500: { name: 'InternalError', description: 'A bug: the body is only "internal server error" and a `requestId` that is in the server log.' },
  503: { name: 'Unavailable', description: 'The store cannot be opened (locked by another process, or a newer schema).' },
};

const bearerAndSession: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/** `GET /api/v1/runs/{runId}/events` → `getRunsByRunIdEvents`. */
export function operationId(key: string): string {
  const { method, path } = splitKey(key);
  const words = path
    .split('/')
    .filter((part) => part && part !== 'api' && part !== 'v1')
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part.replace(/\.json$/, '')));
  const camel = words
    .join('-')
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return `${method.toLowerCase()}${camel}`;
}

/** The error statuses an operation can answer with, from its inputs and access. */
export function errorStatuses(key: EndpointKey): number[] {
  const spec: EndpointSpec = ENDPOINTS[key];
  const { method } = splitKey(key);
  const statuses = new Set<number>(spec.errors ?? []);
  if (spec.params || spec.query || spec.body) statuses.add(400);
  if (spec.access !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (spec.params || (spec.body && spec.body !== 'binary')) statuses.add(404);
  // PUTs here are idempotent stores by digest or by id; other writes can meet a stale version or state.
  if (method !== 'GET' && method !== 'PUT') statuses.add(409);
  if (spec.body) statuses.add(413);
  if (spec.body && spec.body !== 'binary') statuses.add(415);
  statuses.add(500);
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

export function bodyLimitOf(spec: EndpointSpec): number | undefined {
  if (!spec.body) return undefined;
  return spec.bodyLimit ?? (spec.body === 'binary' ? BLOB_LIMIT : JSON_LIMIT);
}

function parametersOf(spec: EndpointSpec, toSchema: (s: z.ZodType) => JsonSchema): OpenApiParameter[] {
  const out: OpenApiParameter[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop as JsonSchema & { description?: string };
      const required = where === 'path' || (json.required ?? []).includes(name);
      out.push({ name, in: where, required, ...(description ? { description } : {}), schema: rest });
    }
  };
  add('path', spec.params);
  add('query', spec.query);
  return out;
}

const MEDIA_SCHEMA: Record<SuccessMedia, JsonSchema> = {
  'application/json': {},
  'text/plain': { type: 'string', contentMediaType: 'text/plain' },
  'text/event-stream': { type: 'string', contentMediaType: 'text/event-stream' },
};

function successResponse(spec: EndpointSpec): [string, unknown] {
  const status = spec.success?.status ?? 200;
  const description = spec.success?.description ?? 'OK';
  const headers: Record<string, unknown> = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
  if (status === 201 || status === 202) headers.Location = { description: 'Where the created resource is', schema: { type: 'string' } };
  if (status === 204) return [String(status), { description, headers }];
  if (spec.conditional)
    headers.ETag = { description: 'The entity tag of this answer: send it as If-None-Match to get 304 while nothing changed', schema: { type: 'string' } };
  const content = spec.success?.binary
    ? { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } }
    : Object.fromEntries((spec.success?.media ?? ['application/json']).map((type) => [type, { schema: MEDIA_SCHEMA[type] }]));
  return [String(status), { description, headers, content }];
}

function operationOf(key: EndpointKey, toSchema: (s: z.ZodType) => JsonSchema): OpenApiOperation {
  const spec: EndpointSpec = ENDPOINTS[key];
  const responses: Record<string, unknown> = Object.fromEntries([successResponse(spec)]);
  if (spec.conditional) responses['304'] = { description: 'Not modified: the entity still has the tag named in If-None-Match (no body)' };
  for (const status of errorStatuses(key)) responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  const op: OpenApiOperation = {
    operationId: operationId(key),
    summary: spec.summary,
    tags: [spec.tag],
    responses,
    security: spec.access === 'public' ? [] : bearerAndSession,
    'x-flowdeck-role': spec.access,
  };
  const parameters = parametersOf(spec, toSchema);
  if (spec.conditional)
    parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of the copy the client holds', schema: { type: 'string' } });
  if (parameters.length) op.parameters = parameters;
  const limit = bodyLimitOf(spec);
  if (spec.body === 'binary') {
    op.requestBody = { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
  } else if (spec.body) {
    const description = spec.bodyOptional ? 'May be left out: the expected version then comes from If-Match.' : undefined;
    op.requestBody = {
      required: !spec.bodyOptional,
      ...(description ? { description } : {}),
      content: { 'application/json': { schema: toSchema(spec.body) } },
    };
  }
  if (limit) op['x-flowdeck-body-limit'] = limit;
  return op;
}

function errorEnvelopeSchema(): JsonSchema {
  const codes = [...(Object.keys(ERROR_STATUS) as ErrorCode[]), 'internal'];
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: codes, description: 'Stable, for programs: detect errors by code, never by message.' },
          message: { type: 'string', description: 'For people.' },
          fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Per-field problems of invalid input.' },
          requestId: { type: 'string', description: 'On internal errors: the id under which the server logged the cause.' },
        },
        additionalProperties: true,
      },
    },
    additionalProperties: false,
  };
}

function componentResponses(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, { name, description }] of Object.entries(ERROR_RESPONSES)) {
    const headers: Record<string, unknown> = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
    if (status === '405') headers.Allow = { description: 'The methods the path has', schema: { type: 'string' } };
    out[name] = { description, headers, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return out;
}

const DESCRIPTION = [
  'The HTTP API of Flowdeck: the run index and engine ingest, artifacts, the version registry, upgrades and the commit history.',
  '',
  `**Authentication.** Send \`Authorization: Bearer fdk_…\` (an API token), or the dashboard's \`${SESSION_COOKIE}\` session cookie. ` +
    'Each operation names the weakest role it needs in `x-flowdeck-role` (viewer < operator < admin); `public` ones need none. ' +
    'A loopback install without `FLOWDECK_AUTH=required` lets every local caller in.',
  '',
  '**Errors** are always `{ "error": { "code", "message", … } }`: 400 invalid input (with `fields`), 401, 403, 404, ' +
    '405 with `Allow` for a method the path lacks, 409 with structured details, 413, 415; an internal error is only ' +
    '"internal server error" with a `requestId` that is in the server log. Every response carries `X-Request-Id`.',
  '',
  `**Limits.** JSON bodies up to ${JSON_LIMIT / 1024 / 1024} MiB (see \`x-flowdeck-body-limit\` per operation), nested at most ` +
    `${JSON_DEPTH_LIMIT} deep, with no NUL characters or unpaired surrogates in strings; blobs up to ${BLOB_LIMIT / 1024 / 1024} MiB.`,
  '',
  '**Writes** name the row version they expect: `expectedVersion` in the body or `If-Match`; responses carry it as `ETag`.',
].join('\n');

/** The OpenAPI 3.1 document of every endpoint in ENDPOINTS. */
export function buildOpenApiDocument(): OpenApiDocument {
  const collector = schemaCollector();
  const paths: OpenApiDocument['paths'] = {};
  for (const key of Object.keys(ENDPOINTS) as EndpointKey[]) {
    const { method, path } = splitKey(key);
    const operations = paths[path] ?? {};
    operations[method.toLowerCase()] = operationOf(key, collector.convert);
    paths[path] = operations;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Flowdeck API', version: '1', description: DESCRIPTION },
    tags: API_TAGS.map((name) => ({ name, description: API_TAG_INFO[name].description })),
    security: bearerAndSession,
    paths,
    components: {
      schemas: { Error: errorEnvelopeSchema(), ...collector.defs },
      responses: componentResponses(),
      headers: { RequestId: { description: "The request's id: the caller's own `X-Request-Id` when sane, else a fresh one.", schema: { type: 'string' } } },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'fdk_…', description: 'An API token: `Authorization: Bearer fdk_…`.' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The dashboard session after signing in.' },
      },
    },
  };
}

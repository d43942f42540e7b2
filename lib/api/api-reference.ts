import { type Access, API_TAGS, type ApiTag, type HttpMethod } from '@/lib/contract/endpoint-spec';
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from './openapi';

/**
 * The API page's view of the OpenAPI document: endpoints grouped by tag, with parameters, body fields
 * and responses reduced to what a reader scans for. Pure; the page renders it.
 */

export interface ReferenceField {
  name: string;
  /** `path`, `query`, `header`, or `body` for a field of a JSON body. */
  in: 'path' | 'query' | 'header' | 'body';
  required: boolean;
  type: string;
  /** Constraints in words: `1–200 · default 50`, `matches ^run_…`. */
  constraints: string;
  description?: string;
}

export interface ReferenceEndpoint {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  role: Access;
  fields: ReferenceField[];
  body: { contentType: string; required: boolean; limitBytes?: number; note?: string; schema?: JsonSchema } | null;
  success: { status: string; description: string };
  errors: { status: string; name: string }[];
}

export interface ReferenceGroup {
  tag: ApiTag;
  description: string;
  endpoints: ReferenceEndpoint[];
}

const METHOD_ORDER: Record<HttpMethod, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return doc.components.schemas[ref.split('/').at(-1)!] ?? schema;
  return schema;
}

/** A one-word type: `string`, `integer`, `object`, `array of object`, `"a" | "b"`, `JSON`. */
export function schemaType(schema: JsonSchema): string {
  const s = schema as { type?: string; enum?: unknown[]; const?: unknown; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; $ref?: string };
  if (s.$ref) return s.$ref.endsWith('/JsonValue') ? 'JSON' : s.$ref.split('/').at(-1)!;
  if ('const' in s) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return [...new Set(branches.map(schemaType))].join(' | ');
  if (s.type === 'array') return s.items ? `array of ${schemaType(s.items)}` : 'array';
  if (s.type === 'object' && !('properties' in s) && 'additionalProperties' in s) return 'map';
  return s.type ?? 'any';
}

/** Constraints of a schema in words, for a table cell. */
export function schemaConstraints(schema: JsonSchema): string {
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${unit}`);
    else if (min !== undefined) out.push(`≥ ${min}${unit}`);
    else if (max !== undefined && max !== Number.MAX_SAFE_INTEGER) out.push(`≤ ${max}${unit}`);
  };
  range(s.minimum, s.maximum === Number.MAX_SAFE_INTEGER ? undefined : s.maximum, '');
  range(s.minLength, s.maxLength, ' chars');
  range(s.minItems, s.maxItems, ' items');
  if (s.format === 'date-time') out.push('ISO 8601 date-time with offset');
  else if (s.format) out.push(String(s.format));
  else if (typeof s.pattern === 'string') out.push(`matches ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out.join(' · ');
}

function bodyFields(schema: JsonSchema, doc: OpenApiDocument): ReferenceField[] {
  const s = resolve(schema, doc) as { properties?: Record<string, JsonSchema>; required?: string[] };
  if (!s.properties) return [];
  return Object.entries(s.properties).map(([name, prop]) => ({
    name,
    in: 'body' as const,
    required: (s.required ?? []).includes(name),
    type: schemaType(prop),
    constraints: schemaConstraints(prop),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
  }));
}

function endpointOf(method: string, path: string, op: OpenApiOperation, doc: OpenApiDocument): ReferenceEndpoint {
  const fields: ReferenceField[] = (op.parameters ?? []).map((p) => ({
    name: p.name,
    in: p.in,
    required: p.required,
    type: schemaType(p.schema),
    constraints: schemaConstraints(p.schema),
    ...(p.description ? { description: p.description } : {}),
  }));
  let body: ReferenceEndpoint['body'] = null;
  if (op.requestBody) {
    const [contentType, media] = Object.entries(op.requestBody.content)[0]!;
    const json = contentType === 'application/json';
    body = {
      contentType,
      required: op.requestBody.required,
      limitBytes: op['x-flowdeck-body-limit'],
      note: op.requestBody.description,
      ...(json ? { schema: media.schema } : {}),
    };
    if (json) fields.push(...bodyFields(media.schema, doc));
  }
  const statuses = Object.keys(op.responses);
  const successStatus = statuses.find((s) => s.startsWith('2'))!;
  const success = op.responses[successStatus] as { description: string };
  const errors = statuses
    .filter((s) => !s.startsWith('2'))
    .map((status) => ({ status, name: String((op.responses[status] as { $ref?: string }).$ref?.split('/').at(-1) ?? status) }));
  return {
    id: op.operationId,
    method: method.toUpperCase() as HttpMethod,
    path,
    summary: op.summary,
    role: op['x-flowdeck-role'],
    fields,
    body,
    success: { status: successStatus, description: success.description },
    errors,
  };
}

/** The endpoints of the document by tag (in API_TAGS order), each group by path then method. */
export function apiReference(doc: OpenApiDocument): ReferenceGroup[] {
  const endpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ tag: op.tags[0]!, ep: endpointOf(method, path, op, doc) })),
  );
  return API_TAGS.map((tag) => ({
    tag,
    description: doc.tags.find((t) => t.name === tag)?.description ?? '',
    endpoints: endpoints
      .filter((e) => e.tag === tag)
      .map((e) => e.ep)
      .sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER[a.method] - METHOD_ORDER[b.method]),
  })).filter((g) => g.endpoints.length > 0);
}

/** `1048576` → `1 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

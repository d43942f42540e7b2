import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type EndpointKey, splitKey } from '@/lib/contract/endpoints';
import { buildOpenApiDocument, errorStatuses, type OpenApiOperation, operationId } from './openapi';

const doc = buildOpenApiDocument();
const keys = Object.keys(ENDPOINTS) as EndpointKey[];
const operation = (key: EndpointKey): OpenApiOperation => {
  const { method, path } = splitKey(key);
  return doc.paths[path]![method.toLowerCase()]!;
};

function resolvePointer(ref: string): unknown {
  expect(ref.startsWith('#/'), ref).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

function collect(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, visit);
  } else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) collect(v, visit);
  }
}

describe('OpenAPI document', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator({ allErrors: true });
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
    expect(result.errors ?? [], 'schema errors').toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does catch mistakes: a path parameter must be required.
    const broken = JSON.parse(JSON.stringify(doc)) as { paths: Record<string, Record<string, { parameters: { required: boolean }[] }>> };
    broken.paths['/api/v1/runs/{runId}']!.get!.parameters[0]!.required = false;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('has every schema in it compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const toUrn = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"urn:flowdeck:components#/schemas/'));
    ajv.addSchema({ $id: 'urn:flowdeck:components', schemas: toUrn(doc.components.schemas) });
    const schemas: unknown[] = [];
    for (const key of keys) {
      const op = operation(key);
      for (const p of op.parameters ?? []) schemas.push(p.schema);
      for (const media of Object.values(op.requestBody?.content ?? {})) schemas.push(media.schema);
    }
    for (const schema of Object.values(doc.components.schemas)) schemas.push(schema);
    expect(schemas.length).toBeGreaterThan(40);
    for (const schema of schemas) expect(() => ajv.compile(toUrn(schema))).not.toThrow();
  });

  it('has every ENDPOINTS key as exactly one operation, and nothing else', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.sort()).toEqual([...keys].sort());
    const ids = keys.map((k) => operation(k).operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationId('GET /api/v1/runs/{runId}/events')).toBe('getRunsByRunIdEvents');
    expect(operationId('GET /api/v1/openapi.json')).toBe('getOpenapi');
  });

  it('resolves every $ref inside the document', () => {
    const refs: string[] = [];
    collect(doc, (node) => typeof node.$ref === 'string' && refs.push(node.$ref));
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) expect(resolvePointer(ref), ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('declares the path parameters of each template, and the query parameters of the schema', () => {
    for (const key of keys) {
      const { path } = splitKey(key);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = operation(key).parameters ?? [];
      expect(
        params
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort(),
        key,
      ).toEqual(inPath.sort());
      expect(
        params.filter((p) => p.in === 'path').every((p) => p.required),
        key,
      ).toBe(true);
    }
    const runs = operation('GET /api/v1/runs').parameters ?? [];
    expect(runs.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } });
    expect(runs.find((p) => p.name === 'phase')?.description).toMatch(/comma-separated/);
    expect(operation('GET /api/v1/versions/{id}/diff').parameters?.find((p) => p.name === 'against')?.required).toBe(true);
  });

  it('describes bodies: JSON schemas, raw bytes, optional bodies and limits', () => {
    const createRun = operation('POST /api/v1/runs').requestBody!;
    expect(createRun.required).toBe(true);
    expect(createRun.content['application/json']!.schema).toMatchObject({ type: 'object', required: ['workflow', 'groupPath'], additionalProperties: false });
    const blob = operation('PUT /api/v1/blobs/{digest}');
    expect(Object.keys(blob.requestBody!.content)).toEqual(['application/octet-stream']);
    expect(blob['x-flowdeck-body-limit']).toBe(64 * 1024 * 1024);
    expect(operation('POST /api/v1/versions')['x-flowdeck-body-limit']).toBe(4 * 1024 * 1024);
    expect(operation('POST /api/v1/runs/{runId}/cancel').requestBody?.required).toBe(false);
    expect(operation('GET /api/v1/runs/{runId}').requestBody).toBeUndefined();
    const getBlob = operation('GET /api/v1/blobs/{digest}').responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(getBlob.content)).toEqual(['application/octet-stream']);
    const logs = operation('GET /api/v1/runs/{runId}/nodes/{nodeId}/logs').responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(logs.content)).toEqual(['application/json', 'text/plain']);
    const tail = operation('GET /api/v1/runs/{runId}/nodes/{nodeId}/logs/stream').responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(tail.content)).toEqual(['text/event-stream']);
    expect(operation('POST /api/v1/runs/{runId}/nodes/{nodeId}/logs')['x-flowdeck-body-limit']).toBe(4 * 1024 * 1024);
    expect(operation('DELETE /api/v1/versions/{id}').responses['204']).not.toHaveProperty('content');
  });

  it('gives the error responses that apply, as references to the one envelope', () => {
    for (const key of keys) {
      const responses = operation(key).responses;
      for (const status of errorStatuses(key)) expect(responses[String(status)], `${key} ${status}`).toHaveProperty('$ref');
    }
    expect(errorStatuses('GET /api/v1/health')).toEqual([500, 503]);
    expect(errorStatuses('POST /api/v1/runs')).toEqual([400, 401, 403, 404, 409, 413, 415, 500, 503]);
    expect(errorStatuses('PUT /api/v1/blobs/{digest}')).toEqual([400, 401, 403, 404, 413, 500, 503]);
    expect(errorStatuses('GET /api/v1/versions/current')).toContain(404);
    const names = Object.keys(doc.components.responses);
    expect(names).toEqual(
      expect.arrayContaining([
        'BadRequest',
        'Unauthorized',
        'Forbidden',
        'NotFound',
        'MethodNotAllowed',
        'Conflict',
        'PayloadTooLarge',
        'UnsupportedMediaType',
        'InternalError',
      ]),
    );
    expect(doc.components.schemas.Error).toMatchObject({ required: ['error'], properties: { error: { required: ['code', 'message'] } } });
  });

  it('names who may call each operation: public ones without security, others with bearer or session and a role', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'flowdeck_session' },
    });
    for (const key of keys) {
      const op = operation(key);
      const access = ENDPOINTS[key].access;
      expect(op['x-flowdeck-role'], key).toBe(access);
      if (access === 'public') expect(op.security, key).toEqual([]);
      else expect(op.security, key).toEqual([{ bearer: [] }, { session: [] }]);
    }
    expect(operation('GET /api/v1/openapi.json').security).toEqual([]);
    expect(operation('DELETE /api/v1/versions/{id}')['x-flowdeck-role']).toBe('admin');
  });

  it('is the same document every time', () => {
    expect(buildOpenApiDocument()).toEqual(doc);
  });
});

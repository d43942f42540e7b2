import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/contract/endpoints';
import { apiReference, formatBytes, schemaConstraints, schemaType } from './api-reference';
import { buildOpenApiDocument } from './openapi';

const groups = apiReference(buildOpenApiDocument());
const all = groups.flatMap((g) => g.endpoints);
const find = (method: string, path: string) => all.find((e) => e.method === method && e.path === path)!;

describe('apiReference', () => {
  it('lists every endpoint once, grouped by tag in the table order', () => {
    expect(all).toHaveLength(Object.keys(ENDPOINTS).length);
    expect(groups.map((g) => g.tag)).toEqual(['system', 'runs', 'logs', 'artifacts', 'versions', 'commits', 'jobs', 'runner', 'connectors', 'auth']);
    expect(groups[0]!.description).toMatch(/Health/);
    const runs = groups.find((g) => g.tag === 'runs')!.endpoints.map((e) => `${e.method} ${e.path}`);
    expect(runs.indexOf('GET /api/v1/runs')).toBeLessThan(runs.indexOf('POST /api/v1/runs'));
  });

  it('gives path, query and body fields with types and constraints', () => {
    const list = find('GET', '/api/v1/runs');
    expect(list.role).toBe('viewer');
    expect(list.fields.find((f) => f.name === 'limit')).toEqual({
      name: 'limit',
      in: 'query',
      required: false,
      type: 'integer',
      constraints: '1–200 · default 50',
    });
    const create = find('POST', '/api/v1/runs');
    expect(create.body).toMatchObject({ contentType: 'application/json', required: true, limitBytes: 1024 * 1024 });
    expect(create.fields.find((f) => f.name === 'workflow')).toMatchObject({
      in: 'body',
      required: true,
      type: 'string',
      constraints: '1–200 chars · matches ^[A-Za-z0-9._-]+$',
    });
    expect(create.fields.find((f) => f.name === 'input')).toMatchObject({ required: false, type: 'JSON' });
    expect(find('GET', '/api/v1/runs/{runId}').fields).toEqual([
      expect.objectContaining({ name: 'runId', in: 'path', required: true }),
      expect.objectContaining({ name: 'If-None-Match', in: 'header', required: false }),
    ]);
  });

  it('shows raw-byte bodies, success and error responses', () => {
    const blob = find('PUT', '/api/v1/blobs/{digest}');
    expect(blob.body).toEqual({ contentType: 'application/octet-stream', required: true, limitBytes: 64 * 1024 * 1024, note: undefined });
    expect(blob.success.status).toBe('201');
    expect(blob.errors.map((e) => e.status)).toEqual(['400', '401', '403', '404', '413', '500', '503']);
    expect(blob.errors[0]).toEqual({ status: '400', name: 'BadRequest' });
    expect(find('GET', '/api/v1/health').role).toBe('public');
    expect(find('POST', '/api/v1/runs/{runId}/cancel').body?.note).toMatch(/If-Match/);
  });
});

describe('schema words', () => {
  it('names types', () => {
    expect(schemaType({ type: 'string', enum: ['safe', 'drain'] })).toBe('"safe" | "drain"');
    expect(schemaType({ type: 'array', items: { type: 'object' } })).toBe('array of object');
    expect(schemaType({ anyOf: [{ type: 'string', const: '' }, { type: 'string' }] })).toBe('"" | string');
    expect(schemaType({ $ref: '#/components/schemas/JsonValue' })).toBe('JSON');
    expect(schemaType({ type: 'object', additionalProperties: {} })).toBe('map');
  });

  it('puts constraints in words', () => {
    expect(schemaConstraints({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe('≥ 0');
    expect(schemaConstraints({ type: 'string', format: 'date-time', pattern: '^…$' })).toBe('ISO 8601 date-time with offset');
    expect(schemaConstraints({ type: 'array', maxItems: 3 })).toBe('≤ 3 items');
    expect(schemaConstraints({})).toBe('');
  });

  it('formats byte sizes', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MiB');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10)).toBe('10 B');
  });
});

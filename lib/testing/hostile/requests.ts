import fc from 'fast-check';
import type { OpenApiDocument, OpenApiOperation } from '@/lib/api/openapi';
import { ENDPOINTS, type EndpointKey, splitKey } from '@/lib/contract/endpoints';
import { JSON_LIMIT } from '@/lib/contract/limits';
import { type AuthCase, type AuthFixture, authCaseArb } from './auth';
import { plausibleBodyArb } from './scenarios';
import { applyMutation, type IdPool, mutationArb, type SchemaArbContext, schemaArb } from './schema-arb';
import { encodeLoose, hostileJson, hostileString, JSON_NUMBER_LITERALS, nested, QUERY_INT_EDGES, QUERY_NUMBERS, segmentArb, UNICODE_EDGES } from './values';

/** One generated request, kept as plain data so fast-check can print and shrink it. */
export interface HostileRequest {
  /** The endpoint it aims at (null: a random path), and how its body was made. */
  target: EndpointKey | null;
  strategy: string;
  method: string;
  /** Path and query, as sent (percent-encoding already applied where meant). */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  auth: AuthCase;
}

export const BASE_URL = 'http://127.0.0.1';

export function toRequest(r: HostileRequest): Request {
  const hasBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
  return new Request(`${BASE_URL}${r.url}`, {
    method: r.method,
    headers: { ...r.headers, ...r.auth.headers },
    body: hasBody ? (r.body as BodyInit) : undefined,
  });
}

/** Short form for failure messages (bodies can be megabytes). */
export function describeRequest(r: HostileRequest): string {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : `<${r.body.byteLength} bytes>`;
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  return `${r.method} ${r.url.slice(0, 300)} [${r.strategy}, auth ${r.auth.kind}] headers=${JSON.stringify(r.headers).slice(0, 300)} body=${JSON.stringify(shown)}`;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/jsonx',
  'application/json; charset=utf-16',
];

const IF_MATCH = ['"1"', 'W/"2"', '"3"', '*', '"-1"', '"0"', '"999999999999"', '"2147483648"', '"1e3"', 'garbage', '"1", "2"'];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'BREW', 'patch', 'M-SEARCH'];

/** Raw-text bodies around a valid JSON text: duplicate keys, edge numbers, broken syntax, bytes. */
function rawBodyArb(validText: fc.Arbitrary<string>): fc.Arbitrary<{ strategy: string; body: string | Uint8Array }> {
  const tag = (strategy: string) => (body: string | Uint8Array) => ({ strategy, body });
  return fc.oneof(
    fc
      .tuple(validText, fc.nat())
      .map(([t, n]) => t.slice(0, n % Math.max(t.length, 1)))
      .map(tag('truncated json')),
    fc
      .tuple(validText, fc.constantFrom('x', ',', '}', ']', ' //c', '\u0000', 'null'))
      .map(([t, tail]) => `${t}${tail}`)
      .map(tag('trailing garbage')),
    fc
      .tuple(validText, fc.constantFrom('\ufeff', '\u0000', ' ', ")]}'\n"))
      .map(([t, head]) => `${head}${t}`)
      .map(tag('leading bytes')),
    fc
      .tuple(validText, hostileJson)
      .map(([t, v]) => duplicateFirstKey(t, JSON.stringify(v) ?? 'null'))
      .map(tag('duplicate keys')),
    fc
      .tuple(validText, fc.constantFrom(...JSON_NUMBER_LITERALS))
      .map(([t, n]) => replaceFirstNumberOrValue(t, n))
      .map(tag('edge number literal')),
    fc
      .constantFrom('', ' ', 'null', 'true', '0', '"x"', '[]', '{}', '{"a":', '{a:1}', "{'a':1}", '[1,]', '{"a":1,}', 'NaN', '1e309', '"\\ud800"', '"\\u0000"')
      .map(tag('bare json')),
    fc
      .constantFrom(70, 2_000)
      .map((d) => JSON.stringify(nested(d)))
      .map(tag('deep nesting')),
    fc.constant(`${'{"d":'.repeat(20_000)}1${'}'.repeat(20_000)}`).map(tag('deep objects')),
    fc
      .constantFrom(2_000, 50_000)
      .map((d) => `${'['.repeat(d)}${']'.repeat(d)}`)
      .map(tag('deep arrays')),
    fc
      .tuple(validText, fc.constantFrom([0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff, 0xfe], [0x80]))
      .map(([t, bytes]) => injectBytes(t, bytes))
      .map(tag('invalid utf-8')),
    fc.uint8Array({ maxLength: 200 }).map(tag('random bytes')),
  );
}

function duplicateFirstKey(text: string, value: string): string {
  const m = /^\s*\{\s*("(?:[^"\\]|\\.)*")\s*:/.exec(text);
  return m ? `{${m[1]}:${value},${text.trimStart().slice(1)}` : `{"a":1,"a":${value}}`;
}

function replaceFirstNumberOrValue(text: string, literal: string): string {
  const replaced = text.replace(/:\s*(-?\d[\d.eE+-]*|"[^"]*"|true|false|null)/, `:${literal}`);
  return replaced === text ? `{"n":${literal}}` : replaced;
}

function injectBytes(text: string, bytes: readonly number[]): Uint8Array {
  const at = Math.max(text.indexOf('"') + 1, 0);
  const enc = new TextEncoder();
  return new Uint8Array([...enc.encode(text.slice(0, at)), ...bytes, ...enc.encode(text.slice(at))]);
}

/** Bodies past the limits: bytes over the JSON limit, a lying content-length, arrays and strings past their max. */
const oversizedArb: fc.Arbitrary<{ strategy: string; body: string; headers?: Record<string, string> }> = fc.oneof(
  fc.constant({ strategy: 'body past the limit', body: `{"x":"${'a'.repeat(JSON_LIMIT + 10)}"}` }),
  fc
    .constantFrom('1000000000000', '-1', 'NaN', '1e309', '99999999999999999999')
    .map((cl) => ({ strategy: 'declared length', body: '{}', headers: { 'content-length': cl } })),
  fc.constant({ strategy: 'huge array', body: JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i }))) }),
);

interface BuildContext extends SchemaArbContext {
  doc: OpenApiDocument;
  auth: AuthFixture;
}

function queryArb(op: OpenApiOperation, ctx: BuildContext): fc.Arbitrary<string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const valueArb = (schema: Record<string, unknown>) =>
    fc.oneof(
      { weight: 4, arbitrary: schemaArb(schema, ctx).map((v) => String(v)) },
      { weight: 1, arbitrary: fc.constantFrom(...QUERY_NUMBERS) },
      { weight: schema.type === 'integer' ? 4 : 0, arbitrary: fc.constantFrom(...QUERY_INT_EDGES) },
      { weight: 2, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
    );
  const pairs = fc.array(
    fc.oneof(
      ...(params.length ? [{ weight: 4, arbitrary: fc.constantFrom(...params).chain((p) => valueArb(p.schema).map((v) => [p.name, v] as const)) }] : []),
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('limit', 'cursor', 'x', '__proto__', '', 'phase[]'), fc.constantFrom(...QUERY_NUMBERS)) },
    ),
    { maxLength: 4 },
  );
  return fc.tuple(pairs, fc.boolean(), fc.constantFrom('', '&&', '&=', '&%', '&%zz=1', '&a=%00', '&a=%ud800', '&+=+')).map(([kv, encode, tail]) => {
    const encoder = encode ? encodeLoose : (s: string) => s.replace(/[#&]/g, encodeURIComponent);
    const qs = kv.map(([k, v]) => `${encoder(k)}=${encoder(v)}`).join('&') + tail;
    return qs ? `?${qs}` : '';
  });
}

function pathArb(template: string, ctx: BuildContext, op: OpenApiOperation): fc.Arbitrary<string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (!names.length) return fc.constant(template);
  const segs = names.map((name) => {
    const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' };
    return segmentArb(schemaArb(schema, ctx) as fc.Arbitrary<string>);
  });
  return fc.tuple(...segs).map((values) => {
    let path = template;
    names.forEach((name, i) => {
      const { raw, value } = values[i]!;
      path = path.replace(`{${name}}`, raw ? value : encodeLoose(value).replace(/%3A/gi, ':'));
    });
    return path;
  });
}

function bodyArb(
  key: EndpointKey,
  op: OpenApiOperation,
  ctx: BuildContext,
): fc.Arbitrary<{ strategy: string; body?: string | Uint8Array; headers?: Record<string, string> }> {
  const spec = ENDPOINTS[key] as { body?: unknown };
  if (spec.body === 'binary') {
    return fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((body) => ({ strategy: 'bytes', body })),
      fc.constantFrom('', 'hello', '\u0000').map((body) => ({ strategy: 'text bytes', body })),
      fc.constantFrom('1000000000000', '-5', 'abc').map((cl) => ({ strategy: 'declared length', body: 'x', headers: { 'content-length': cl } })),
    );
  }
  const schema = op.requestBody?.content['application/json']?.schema;
  const fromSchema = schema ? schemaArb(schema, ctx) : fc.jsonValue({ maxDepth: 2 });
  const plausible = plausibleBodyArb(key, ctx.pool);
  const valid = plausible ? fc.oneof(fromSchema, plausible) : fromSchema;
  const serialize = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
  return fc.oneof(
    { weight: 5, arbitrary: valid.map((v) => ({ strategy: 'near-valid', body: serialize(v) })) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 2 }))
        .map(([v, ms]) => ({ strategy: `mutated: ${ms.map((m) => m.kind).join('+')}`, body: serialize(ms.reduce(applyMutation, v)) })),
    },
    { weight: 4, arbitrary: rawBodyArb(valid.map(serialize)) },
    { weight: 1, arbitrary: oversizedArb },
    { weight: 1, arbitrary: hostileJson.map((v) => ({ strategy: 'wrong shape', body: serialize(v) })) },
    { weight: 1, arbitrary: fc.constant({ strategy: 'no body' }) },
  );
}

function headersArb(hasJsonBody: boolean): fc.Arbitrary<Record<string, string>> {
  const contentType = hasJsonBody
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
  const ifMatch = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...IF_MATCH) });
  const requestId = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('ok-id.1', 'a b', 'x'.repeat(300), '../../x', '\u00ff') },
  );
  return fc.record({ ct: contentType, ifMatch, requestId }).map(({ ct, ifMatch: im, requestId: rid }) => {
    const h: Record<string, string> = {};
    if (ct !== undefined) h['content-type'] = ct;
    if (im !== undefined) h['if-match'] = im;
    if (rid !== undefined) h['x-request-id'] = rid;
    return h;
  });
}

/** Requests aimed at one endpoint: its path with hostile ids, hostile queries and bodies, sometimes another method. */
export function endpointRequestArb(key: EndpointKey, ctx: BuildContext): fc.Arbitrary<HostileRequest> {
  const { method, path: template } = splitKey(key);
  const op = ctx.doc.paths[template]![method.toLowerCase()]!;
  const spec = ENDPOINTS[key] as { body?: unknown };
  const methodArb = fc.oneof({ weight: 9, arbitrary: fc.constant(method as string) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) });
  return fc
    .record({
      method: methodArb,
      path: pathArb(template, ctx, op),
      query: op.parameters?.some((p) => p.in === 'query')
        ? queryArb(op, ctx)
        : fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryArb(op, ctx) }),
      body: spec.body
        ? bodyArb(key, op, ctx)
        : fc.oneof({ weight: 4, arbitrary: fc.constant({ strategy: 'no body' }) }, { weight: 1, arbitrary: rawBodyArb(fc.constant('{"a":1}')) }),
      headers: headersArb(spec.body !== undefined && spec.body !== 'binary'),
      auth: authCaseArb(ctx.auth),
    })
    .map(({ method: m, path, query, body, headers, auth }) => ({
      target: key,
      strategy: body.strategy,
      method: m,
      url: `${path}${query}`,
      headers: { ...headers, ...('headers' in body ? body.headers : {}) },
      body: 'body' in body ? body.body : undefined,
      auth,
    }));
}

/** Requests to random paths under /api (and traversal out of it), with random methods. */
export function randomRouteArb(ctx: BuildContext): fc.Arbitrary<HostileRequest> {
  const segment = fc.oneof(
    fc.constantFrom(
      'api',
      'v1',
      'v2',
      'runs',
      'versions',
      'blobs',
      'openapi.json',
      'health',
      'commits',
      'jobs',
      'nodes',
      'events',
      '..',
      '.',
      '%2e%2e',
      '%2F',
      '',
    ),
    fc.string({ unit: fc.constantFrom(...'abcxyz_-.%2F0'), maxLength: 8 }),
    fc.constantFrom(...ctx.pool.runs.slice(0, 2), ...ctx.pool.versions.slice(0, 1)),
  );
  return fc
    .record({
      prefix: fc.constantFrom('/api', '/api/v1', '/api/v1/runs', '/api/v1/versions'),
      rest: fc.array(segment, { maxLength: 5 }),
      method: fc.constantFrom(...METHODS),
      auth: authCaseArb(ctx.auth),
      body: fc.option(fc.constantFrom('{}', '{"a":1}', 'x'), { nil: undefined }),
    })
    .map(
      ({ prefix, rest, method, auth, body }): HostileRequest => ({
        target: null,
        strategy: 'random route',
        method,
        url: [prefix, ...rest].join('/'),
        headers: body ? { 'content-type': 'application/json' } : ({} as Record<string, string>),
        body,
        auth,
      }),
    );
}

export type { BuildContext, IdPool };

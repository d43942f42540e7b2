import fc from 'fast-check';
import type { JsonSchema } from '@/lib/api/openapi';
import { hostileJson } from './values';

/** Ids and digests that exist in the seeded store, so generated requests sometimes name real things. */
export interface IdPool {
  runs: string[];
  versions: string[];
  nodes: string[];
  digests: string[];
  jobs: string[];
  commits: string[];
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 26, maxLength: 26 });
const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

/** An id of a kind: one that exists (most often) or a well-formed one that does not. */
function idArb(existing: string[], prefix: string): fc.Arbitrary<string> {
  const made = ulid.map((u) => `${prefix}_${u}`);
  return existing.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...existing) }, { weight: 1, arbitrary: made }) : made;
}

/** Known patterns of our schemas, mapped to generators that hit the seeded store. */
function patternArb(pattern: string, pool: IdPool): fc.Arbitrary<string> | undefined {
  if (pattern.startsWith('^run_')) return idArb(pool.runs, 'run');
  if (pattern.startsWith('^vers_')) return idArb(pool.versions, 'vers');
  if (pattern.startsWith('^job_')) return idArb(pool.jobs, 'job');
  if (pattern.startsWith('^cmt_')) return idArb(pool.commits, 'cmt');
  if (pattern.startsWith('^sha256:')) {
    const made = hex64.map((h) => `sha256:${h}`);
    return pool.digests.length ? fc.oneof(fc.constantFrom(...pool.digests), made) : made;
  }
  if (pattern === '^[A-Za-z0-9._-]+$') {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pool.nodes, 'pipeline') },
      { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/) },
      // Names every object inherits: a lookup by a request's name must not find them.
      { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '..', '.') },
    );
  }
  return undefined;
}

/** Date-times at the edges of what the store and JavaScript hold, and some that only look valid. */
const EDGE_DATES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '9999-12-31T23:59:59-14:00',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-02-29T00:00:00Z',
  '2024-02-29T23:59:60Z',
  '2026-11-01T12:00:00+14:00',
  '2026-11-01T12:00:00-00:00',
];
export const isoDateArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATES) },
);

/** Integers at the edges of the column types behind them (int4, bigint, JavaScript's safe range). */
const EDGE_INTS = [0, 1, -1, 2_147_483_647, 2_147_483_648, 4_294_967_296, Number.MAX_SAFE_INTEGER, -2_147_483_649];

export interface SchemaArbContext {
  pool: IdPool;
  components: Record<string, JsonSchema>;
}

/**
 * Values that mostly conform to a JSON Schema (as generated from our zod schemas): ids and digests
 * from the seeded store, short strings and arrays. Close enough to valid that they reach the handlers'
 * deep code; the hostile mutations then break one place at a time.
 */
export function schemaArb(schema: JsonSchema, ctx: SchemaArbContext, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const s = schema as Record<string, unknown> & {
    $ref?: string;
    const?: unknown;
    enum?: unknown[];
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    type?: string | string[];
    pattern?: string;
    format?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    minItems?: number;
    maxItems?: number;
    items?: JsonSchema;
    properties?: Record<string, JsonSchema>;
    required?: string[];
    additionalProperties?: JsonSchema | boolean;
    propertyNames?: JsonSchema;
  };
  if (s.$ref) {
    const name = s.$ref.split('/').at(-1)!;
    if (name === 'JsonValue') return fc.jsonValue({ maxDepth: 2 });
    return schemaArb(ctx.components[name] ?? {}, ctx, depth + 1);
  }
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => schemaArb(b, ctx, depth + 1)));
  switch (s.type) {
    case 'string': {
      if (s.format === 'date-time') return isoDateArb;
      const known = s.pattern ? patternArb(s.pattern, ctx.pool) : undefined;
      if (known) return known;
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) });
    }
    case 'integer': {
      const min = s.minimum ?? -Number.MAX_SAFE_INTEGER;
      const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
      const edges = [min, max, ...EDGE_INTS].filter((n) => n >= min && n <= max);
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: Math.max(min, -10), max: Math.min(max, 100) }) },
        { weight: 1, arbitrary: fc.constantFrom(...edges) },
      );
    }
    case 'number':
      return fc.double({ min: -100, max: 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaArb(s.items ?? {}, ctx, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectArb(s, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(
  s: { properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: JsonSchema | boolean; propertyNames?: JsonSchema },
  ctx: SchemaArbContext,
  depth: number,
): fc.Arbitrary<unknown> {
  if (s.properties) {
    const required = new Set(s.required ?? []);
    const model = Object.fromEntries(Object.entries(s.properties).map(([key, prop]) => [key, schemaArb(prop, ctx, depth + 1)]));
    return fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const keys = s.propertyNames ? (schemaArb(s.propertyNames, ctx, depth + 1) as fc.Arbitrary<string>) : fc.string({ maxLength: 8 });
    return fc.dictionary(keys, schemaArb(s.additionalProperties, ctx, depth + 1), { minKeys: 1, maxKeys: 2 });
  }
  return fc.jsonValue({ maxDepth: 1 });
}

type Path = (string | number)[];

/** Every place in a JSON value where a mutation can land (the root included). */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      pathsOf(v, [...at, i], out);
    });
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileJson }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      at: fc.nat(),
      key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'expectedVersion', 'admin', '\u0000')),
      value: hostileJson,
    }),
  },
);

/** Applies a mutation to a copy of the value; `at` picks one of its places (modulo their count). */
export function applyMutation(value: unknown, m: Mutation): unknown {
  const root = { v: structuredClone(value) as unknown };
  const paths = pathsOf(root.v);
  const path = paths[m.at % paths.length]!;
  let parent: Record<string | number, unknown> = root as unknown as Record<string, unknown>;
  let key: string | number = 'v';
  for (const part of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = part;
  }
  if (m.kind === 'replace') parent[key] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    } else parent[key] = { [m.key]: m.value };
  }
  return root.v;
}

import zlib from 'node:zlib';
import { parse, unflatten } from 'devalue';

/**
 * Decoding the Workflow SDK's serialized values for people, into JSON that a jsonb column accepts.
 *
 * The SDK (@workflow/core serialization.js, serialization-format.js) stores a value as bytes: a 4-character
 * format prefix, then the payload. `devl` is devalue's `stringify` with the SDK's reducers; `encr` (AES-GCM,
 * per-run key) and, from 5.x, `encp` (sealed to a run's public key) wrap an inner prefixed payload Flowdeck has
 * no key for; 5.x adds `gzip` and `zstd`, which wrap an inner prefixed payload too. world-local keeps the bytes
 * in JSON as `{ "__type": "Uint8Array", "data": "<base64>" }`; world-postgres keeps them in bytea (a Buffer
 * once cbor-decoded). Runs of specVersion 1 stored devalue's flattened array as plain JSON, and any other
 * plain JSON value passes through as it is (the SDK's own `hydrateData` does the same).
 *
 * The SDK's own revivers rebuild live objects (streams, class instances, step functions) that need its
 * runtime; here every type becomes a readable JSON stand-in instead: Date → ISO string, Map → object (string
 * keys) or array of [key, value] pairs, Set → array, BigInt → string, URL → href, Error → `{ $type, name,
 * message, stack }`, binary → `{ $type: 'Uint8Array', byteLength }`, streams → `{ $type: 'ReadableStream',
 * stream }`, anything unknown → `{ $type: <name>, value }`. undefined and functions are dropped, a circular
 * reference becomes `{ $circular: true }`, and strings lose what jsonb refuses (NUL, lone surrogates).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Decoded = { value: Json } | { undecodable: string };

const MAX_DEPTH = 100;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decode one stored value. Never throws: what cannot be read is `{ undecodable: reason }`. */
export function decodeValue(raw: unknown): Decoded {
  try {
    const bytes = storedBytes(raw);
    if (bytes) return decodeBytes(bytes, 0);
    if (Array.isArray(raw)) return decodeLegacyArray(raw);
    return { value: toJson(raw) };
  } catch (error) {
    return { undecodable: `unreadable value: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The decoded value, or `{ $undecodable: reason }` in its place (what a dashboard shows). */
export function decodedOrStandIn(raw: unknown): Json {
  const decoded = decodeValue(raw);
  return 'value' in decoded ? decoded.value : { $undecodable: decoded.undecodable };
}

/** Whether a stored value is the SDK's binary serialization (rather than plain JSON). */
export function isSerializedBytes(raw: unknown): boolean {
  return storedBytes(raw) !== null;
}

function storedBytes(raw: unknown): Uint8Array | null {
  if (raw instanceof Uint8Array) return raw;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    if (o.__type === 'Uint8Array' && typeof o.data === 'string') return Buffer.from(o.data, 'base64');
  }
  return null;
}

function decodeBytes(bytes: Uint8Array, depth: number): Decoded {
  if (bytes.length < 4) return { undecodable: `too short for a format prefix (${bytes.length} bytes)` };
  const format = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  const payload = bytes.subarray(4);
  switch (format) {
    case 'devl':
      return { value: toJson(parse(decoder.decode(payload), REVIVERS)) };
    case 'encr':
      return { undecodable: 'encrypted: this run’s values are encrypted with its own key (AES-GCM), which Flowdeck does not hold' };
    case 'encp':
      return { undecodable: 'encrypted: this value is sealed to its run’s key, which Flowdeck does not hold' };
    case 'gzip':
    case 'zstd': {
      if (depth > 2) return { undecodable: 'nested compression' };
      const inflate = format === 'gzip' ? zlib.gunzipSync : (zlib as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
      if (!inflate) return { undecodable: 'zstd-compressed: this Node.js has no zstd (22.15 or later has)' };
      return decodeBytes(new Uint8Array(inflate(payload)), depth + 1);
    }
    default:
      return { undecodable: `unknown serialization format "${format.replace(/[^\x20-\x7e]/g, '?')}"` };
  }
}

/** specVersion 1: devalue's flattened array stored as JSON; a plain JSON array if it is not one. */
function decodeLegacyArray(raw: unknown[]): Decoded {
  try {
    return { value: toJson(unflatten(raw, REVIVERS)) };
  } catch {
    return { value: toJson(raw) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Revivers: the reducer names of @workflow/core's serialization (4.8 and 5.x). Each receives the hydrated
// reduced form and returns something `toJson` turns into readable JSON.
// ---------------------------------------------------------------------------------------------------------

type Reviver = (value: unknown) => unknown;
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const base64Length = (v: unknown) => (typeof v === 'string' && v !== '.' ? Buffer.from(v, 'base64').length : 0);
const binary =
  (type: string): Reviver =>
  (v) => ({ $type: type, byteLength: typeof v === 'string' ? base64Length(v) : Number(rec(v).byteLength ?? 0) });
const errorLike =
  (type: string): Reviver =>
  (v) => {
    const e = rec(v);
    return {
      $type: type,
      name: str(e.name) ?? type,
      message: str(e.message) ?? '',
      ...(str(e.stack) ? { stack: str(e.stack) } : {}),
      ...('cause' in e ? { cause: e.cause } : {}),
    };
  };
const stream =
  (type: string): Reviver =>
  (v) => {
    const s = rec(v);
    return { $type: type, ...(str(s.name) ? { stream: str(s.name) } : {}), ...(str(s.type) ? { kind: str(s.type) } : {}) };
  };
const className = (classId: unknown) => (str(classId) ?? 'Unknown').split('/').filter(Boolean).pop() ?? 'Unknown';
const headers = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (Array.isArray(v))
    for (const pair of v)
      if (Array.isArray(pair) && typeof pair[0] === 'string') out[pair[0]] = out[pair[0]] ? `${out[pair[0]]}, ${String(pair[1])}` : String(pair[1]);
  return out;
};

const KNOWN: Record<string, Reviver> = {
  Date: (v) => (typeof v === 'string' && v !== '.' ? v : { $type: 'Date', invalid: true }),
  Map: (v) => new Map(Array.isArray(v) ? (v as [unknown, unknown][]) : []),
  Set: (v) => new Set(Array.isArray(v) ? v : []),
  BigInt: (v) => String(v),
  URL: (v) => String(v),
  URLSearchParams: (v) => (v === '.' ? '' : String(v)),
  RegExp: (v) => `/${str(rec(v).source) ?? ''}/${str(rec(v).flags) ?? ''}`,
  Headers: (v) => ({ $type: 'Headers', headers: headers(v) }),
  Request: (v) => {
    const r = rec(v);
    return { $type: 'Request', method: r.method, url: r.url, headers: rec(r.headers).headers ?? r.headers };
  },
  Response: (v) => {
    const r = rec(v);
    return { $type: 'Response', status: r.status, statusText: r.statusText, url: r.url, headers: rec(r.headers).headers ?? r.headers };
  },
  ReadableStream: stream('ReadableStream'),
  WritableStream: stream('WritableStream'),
  TransformStream: stream('TransformStream'),
  StepFunction: (v) => ({ $type: 'StepFunction', stepId: rec(v).stepId }),
  WorkflowFunction: (v) => ({ $type: 'WorkflowFunction', workflowId: rec(v).workflowId }),
  Class: (v) => ({ $type: 'Class', className: className(rec(v).classId), classId: rec(v).classId }),
  Instance: (v) => ({ $type: 'Instance', className: className(rec(v).classId), classId: rec(v).classId, data: rec(v).data }),
  ArrayBuffer: binary('ArrayBuffer'),
  DataView: binary('DataView'),
};
for (const t of ['Int8', 'Uint8', 'Uint8Clamped', 'Int16', 'Uint16', 'Int32', 'Uint32', 'Float16', 'Float32', 'Float64', 'BigInt64', 'BigUint64']) {
  KNOWN[`${t}Array`] = binary(`${t}Array`);
}

/** Types devalue decodes itself when no reviver claims them (parse.js); the catch-all must leave these alone. */
const DEVALUE_BUILTINS = new Set(['Object', 'null', 'URL', 'URLSearchParams']);
const isBuiltin = (type: string) => DEVALUE_BUILTINS.has(type) || type.startsWith('Temporal.');
const isErrorName = (type: string) => type === 'DOMException' || /Error$/.test(type);

/** Known revivers, then a stand-in for any other reducer name (devalue asks with `Object.hasOwn`). */
const REVIVERS: Record<string, Reviver> = new Proxy(KNOWN, {
  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return undefined;
    if (Object.hasOwn(target, key)) return Object.getOwnPropertyDescriptor(target, key);
    if (isBuiltin(key)) return undefined;
    return { configurable: true, enumerable: true, writable: false, value: reviverFor(key) };
  },
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    if (Object.hasOwn(target, key)) return target[key];
    return isBuiltin(key) ? undefined : reviverFor(key);
  },
});

function reviverFor(type: string): Reviver {
  return isErrorName(type) ? errorLike(type) : (value) => ({ $type: type, value });
}

// ---------------------------------------------------------------------------------------------------------
// JSON-safe conversion
// ---------------------------------------------------------------------------------------------------------

/** Any JS value (decoded or plain) as JSON that jsonb accepts. */
export function toJson(value: unknown): Json {
  return convert(value, new Set<object>(), 0) ?? null;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** jsonb refuses NUL and unpaired surrogates in strings. */
function cleanString(s: string): string {
  return s.replace(UNPAIRED_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/** `undefined` means "drop it" (undefined, functions, symbols). */
function convert(value: unknown, ancestors: Set<object>, depth: number): Json | undefined {
  switch (typeof value) {
    case 'string':
      return cleanString(value);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (depth >= MAX_DEPTH) return { $truncated: true, reason: 'nested too deeply' };
  if (ancestors.has(obj)) return { $circular: true };
  ancestors.add(obj);
  try {
    return convertObject(obj, ancestors, depth + 1);
  } finally {
    ancestors.delete(obj);
  }
}

function convertObject(obj: object, ancestors: Set<object>, depth: number): Json {
  const inner = (v: unknown) => convert(v, ancestors, depth);
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
  if (Array.isArray(obj)) {
    const out: Json[] = [];
    for (let i = 0; i < obj.length; i++) out.push(inner(obj[i]) ?? null);
    return out;
  }
  if (obj instanceof Map) {
    const entries = [...obj.entries()];
    if (entries.every(([k]) => typeof k === 'string')) return plainObject(entries as [string, unknown][], inner);
    return entries.map(([k, v]) => [inner(k) ?? null, inner(v) ?? null]);
  }
  if (obj instanceof Set) return [...obj].map((v) => inner(v) ?? null);
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof URL) return obj.href;
  if (obj instanceof Error)
    return { $type: 'Error', name: obj.name, message: cleanString(obj.message), ...(obj.stack ? { stack: cleanString(obj.stack) } : {}) };
  if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) return { $type: obj.constructor.name, byteLength: obj.byteLength };
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) return inner(obj.valueOf()) ?? null;
  return plainObject(Object.entries(obj), inner);
}

function plainObject(entries: [string, unknown][], inner: (v: unknown) => Json | undefined): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of entries) {
    const converted = inner(v);
    if (converted !== undefined) Object.defineProperty(out, cleanString(k), { value: converted, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Size cap
// ---------------------------------------------------------------------------------------------------------

export const DEFAULT_VALUE_CAP_BYTES = 16 * 1024;

/** The value, or `{ $truncated: true, bytes, preview }` when its JSON is larger than `maxBytes`. */
export function capJson(value: Json, maxBytes = DEFAULT_VALUE_CAP_BYTES): Json {
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return value;
  const preview = cleanString(text.slice(0, Math.max(0, Math.min(1024, maxBytes - 100))));
  return { $truncated: true, bytes, preview };
}

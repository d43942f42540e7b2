import fc from 'fast-check';

/**
 * Pools of hostile values for the hostile-input suite: unicode edge cases, path traversal, numbers at
 * and past every edge, SQL and template injection, and sizes past the limits.
 */

export const UNICODE_EDGES = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202e\u202dreversed',
  '\u200f\u200e',
  '\ufeffbom',
  '\u200b\u200c\u200d',
  '👩‍👩‍👧‍👦',
  '\u{10ffff}',
  '\ufffe\uffff',
  `e${'\u0301'.repeat(64)}`,
  'İıßﬁ',
  '\r\n\t\u000b\u000c',
  '\u0085\u2028\u2029',
  '\\',
  '"',
  "'",
  '\u001b[31m',
  'Ａｄｍｉｎ',
] as const;

export const INJECTIONS = [
  "' or 1=1 --",
  "'; drop table runs; --",
  '" or ""="',
  '$1',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
] as const;

/** Path traversal as it would sit in one path segment (some already percent-encoded). */
export const TRAVERSALS = [
  '..',
  '../',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '%2e%2e',
  '..%5c..%5c',
  '%252e%252e%252f',
  '%c0%ae%c0%ae%c0%af',
  '..\\..\\windows',
  'sha256:..%2F..%2Fetc',
  'sha256%3A..%2F..',
  'run_%00',
  '%00',
  'a%2Fb',
  '.',
  '%20',
  '~',
  '*',
  '%',
] as const;

/** Query-string numbers at and past every edge. */
export const QUERY_NUMBERS = [
  '-1',
  '0',
  '-0',
  '1',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e-400',
  '0x10',
  '0b1',
  '1_000',
  ' 5',
  '5 ',
  '',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740991',
  '9007199254740993',
  '99999999999999999999',
  '١٢',
  '1e3',
  '+7',
] as const;

/** Query-string integers at the edges of int4, bigint and JavaScript's safe range. */
export const QUERY_INT_EDGES = [
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740991',
  '9007199254740993',
  '-2147483649',
  '0',
  '-1',
  '1e309',
  '1.5',
] as const;

/** JSON number literals at and past every edge (some are not JSON at all). */
export const JSON_NUMBER_LITERALS = [
  '-1',
  '0',
  '-0',
  '1e309',
  '-1e309',
  '1e-400',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1.0000000000000002',
  '123456789012345678901234567890',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '01',
  '.5',
  '+1',
] as const;

/** Numbers that parse in JSON, at and past the edges. */
export const HOSTILE_NUMBERS = [-1, 0, -0, 0.5, -1e308, 1e308, 2147483648, -2147483649, 2 ** 53 + 2, Number.MIN_VALUE, 1e21] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<string>(...UNICODE_EDGES, ...INJECTIONS, ...TRAVERSALS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', '\u202e', 'a', '/'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(2_001, 10_001, 70_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Any JSON value that is not what a field wants: wrong types, hostile strings and numbers, deep or large shapes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': null }, '', ' ') },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((n) => n * 1e15) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 10_001).map((n) => Array.from({ length: n }, () => 'x')) },
  { weight: 1, arbitrary: fc.constantFrom(30, 70, 200).map((depth) => nested(depth)) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

/** `[[[…]]]` this many levels deep. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { d: value };
  return value;
}

/** A value that goes into one path segment: hostile, or an id of the right kind (existing or not). */
export function segmentArb(good: fc.Arbitrary<string>): fc.Arbitrary<{ raw: boolean; value: string }> {
  return fc.oneof(
    { weight: 9, arbitrary: good.map((value) => ({ raw: false, value })) },
    { weight: 3, arbitrary: fc.constantFrom(...TRAVERSALS).map((value) => ({ raw: true, value })) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length < 5000).map((value) => ({ raw: false, value })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(good, fc.constantFrom('/../', '%2F..%2F', '%00', '/', '..', ';x', '?a=1', '#f'))
        .map(([g, tail]) => ({ raw: true, value: `${g}${tail}` })),
    },
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** encodeURIComponent that also takes lone surrogates: they become the (invalid) UTF-8 bytes of the surrogate. */
export function encodeLoose(value: string): string {
  let out = '';
  let last = 0;
  for (const m of value.matchAll(LONE_SURROGATE)) {
    out += encodeURIComponent(value.slice(last, m.index));
    const code = m[0].charCodeAt(0);
    out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    last = m.index + 1;
  }
  return out + encodeURIComponent(value.slice(last));
}

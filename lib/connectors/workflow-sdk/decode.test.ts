import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { importKey } from '@workflow/core/encryption';
import { dehydrateStepArguments, dehydrateStepReturnValue, dehydrateWorkflowArguments, dehydrateWorkflowReturnValue } from '@workflow/core/serialization';
import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { capJson, decodedOrStandIn, decodeValue, type Json, toJson } from './decode';

/** Values serialized by @workflow/core's own serializer (the bytes a world stores), then decoded. */
const asLocalJson = (bytes: Uint8Array) => ({ __type: 'Uint8Array', data: Buffer.from(bytes).toString('base64') });

function decoded(raw: unknown): Json {
  const d = decodeValue(raw);
  if (!('value' in d)) throw new Error(`undecodable: ${d.undecodable}`);
  // Whatever comes out survives JSON as it is (it goes into jsonb).
  expect(JSON.parse(JSON.stringify(d.value))).toEqual(d.value);
  return d.value;
}

/** A type a newer SDK might register a devalue reducer for. */
class FutureThing {
  at = 1;
}
const futureReducers = { FutureThing: (v: unknown) => v instanceof FutureThing && { at: v.at } };

describe('decodeValue', () => {
  it('decodes the same bytes from world-local JSON, a Uint8Array and a Buffer (postgres bytea)', async () => {
    const bytes = (await dehydrateWorkflowArguments(['ord_1', 42], 'wrun_1', undefined)) as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('devl');
    for (const raw of [asLocalJson(bytes), bytes, Buffer.from(bytes)]) expect(decoded(raw)).toEqual(['ord_1', 42]);
  });

  it('renders the SDK’s types as readable JSON', async () => {
    const at = new Date('2026-12-07T20:12:53.152Z');
    const value = {
      at,
      byName: new Map<string, unknown>([
        ['a', 1],
        ['b', { c: at }],
      ]),
      byNumber: new Map<number, string>([[1, 'one']]),
      tags: new Set(['x', 'y']),
      big: 12345678901234567890n,
      url: new URL('https://example.com/a?b=1'),
      search: new URLSearchParams('q=1'),
      pattern: /ab+c/gi,
      error: new TypeError('bad card'),
      bytes: new Uint8Array([1, 2, 3]),
      headers: new Headers({ 'content-type': 'text/plain' }),
      gone: undefined,
      list: [1, undefined, 3],
      notANumber: Number.NaN,
    };
    const out = decoded(await dehydrateStepReturnValue(value, 'wrun_1', undefined)) as Record<string, Json>;
    expect(out).toEqual({
      at: '2026-12-07T20:12:53.152Z',
      byName: { a: 1, b: { c: '2026-12-07T20:12:53.152Z' } },
      byNumber: [[1, 'one']],
      tags: ['x', 'y'],
      big: '12345678901234567890',
      url: 'https://example.com/a?b=1',
      search: 'q=1',
      pattern: '/ab+c/gi',
      error: { $type: 'Error', name: 'TypeError', message: 'bad card', stack: expect.stringContaining('TypeError: bad card') },
      bytes: { $type: 'Uint8Array', byteLength: 3 },
      headers: { $type: 'Headers', headers: { 'content-type': 'text/plain' } },
      list: [1, null, 3],
      notANumber: 'NaN',
    });
  });

  it('keeps a workflow’s input as its args array, and a step’s as { args }', async () => {
    expect(decoded(await dehydrateWorkflowArguments([{ id: 1 }, 'x'], 'wrun_1', undefined))).toEqual([{ id: 1 }, 'x']);
    expect(decoded(await dehydrateStepArguments({ args: [1], closureVars: undefined, thisVal: undefined }, 'wrun_1', undefined))).toEqual({ args: [1] });
  });

  it('stands in for step functions, class instances, streams and circular references', async () => {
    const chargeCard = Object.assign(async () => undefined, { stepId: 'step//./workflows/order//chargeCard' });
    class Money {
      static classId = 'class//./money//Money';
      static [Symbol.for('workflow-serialize')](m: Money) {
        return { cents: m.cents };
      }
      constructor(readonly cents: number) {}
    }
    // A stream handle as the workflow side holds it (named by the runtime).
    const stream = Object.assign(new ReadableStream(), { [Symbol.for('WORKFLOW_STREAM_NAME')]: 'strm_01ABC' });
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const out = decoded(await dehydrateStepArguments({ args: [chargeCard, new Money(250), stream, loop] }, 'wrun_1', undefined));
    expect(out).toEqual({
      args: [
        { $type: 'StepFunction', stepId: 'step//./workflows/order//chargeCard' },
        { $type: 'Instance', className: 'Money', classId: 'class//./money//Money', data: { cents: 250 } },
        { $type: 'ReadableStream', stream: 'strm_01ABC' },
        { name: 'loop', self: { $circular: true } },
      ],
    });
  });

  it('renders a type it does not know (a newer SDK’s reducer) as { $type, value }', () => {
    const payload = stringify({ when: new FutureThing() }, futureReducers);
    expect(decoded(Buffer.concat([Buffer.from('devl'), Buffer.from(payload)]))).toEqual({ when: { $type: 'FutureThing', value: { at: 1 } } });
  });

  it('says a value is encrypted rather than failing', async () => {
    const key = await importKey(randomBytes(32));
    const bytes = (await dehydrateWorkflowReturnValue({ secret: 1 }, 'wrun_1', key)) as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('encr');
    const d = decodeValue(asLocalJson(bytes));
    expect(d).toEqual({ undecodable: expect.stringMatching(/^encrypted: /) });
    expect(decodedOrStandIn(bytes)).toEqual({ $undecodable: expect.stringMatching(/^encrypted: /) });
  });

  it('inflates a gzip-framed payload (the framing of @workflow/core 5.x compression)', async () => {
    const inner = (await dehydrateStepReturnValue({ big: 'x'.repeat(100) }, 'wrun_1', undefined)) as Uint8Array;
    expect(decoded(Buffer.concat([Buffer.from('gzip'), gzipSync(inner)]))).toEqual({ big: 'x'.repeat(100) });
  });

  it('decodes specVersion 1 values (devalue’s flattened array stored as JSON) and passes plain JSON through', async () => {
    const legacy = await dehydrateWorkflowArguments(['ord_1', { at: new Date('2020-01-01T00:00:00Z') }], 'wrun_1', undefined, [], globalThis, true);
    expect(Array.isArray(legacy)).toBe(true);
    expect(decoded(JSON.parse(JSON.stringify(legacy)))).toEqual(['ord_1', { at: '2020-01-01T00:00:00.000Z' }]);
    expect(decoded({ message: 'plain', n: 1 })).toEqual({ message: 'plain', n: 1 });
    expect(decoded('text')).toBe('text');
    expect(decoded(null)).toBe(null);
  });

  it('never throws on bytes it cannot read', () => {
    expect(decodeValue(new Uint8Array([1, 2]))).toEqual({ undecodable: expect.stringContaining('too short') });
    expect(decodeValue(Buffer.from('abcd{}'))).toEqual({ undecodable: 'unknown serialization format "abcd"' });
    expect(decodeValue(Buffer.from('devl[{"a":9}]'))).toEqual({ undecodable: expect.stringMatching(/^unreadable value/) });
    expect(decodeValue(asLocalJson(Buffer.from([0x64, 0x65, 0x76, 0x6c, 0xff, 0xfe])))).toEqual({ undecodable: expect.stringMatching(/^unreadable value/) });
  });
});

describe('toJson and capJson', () => {
  it('keeps strings jsonb accepts', () => {
    expect(toJson({ 'k\u0000': 'a\u0000b\ud800c' })).toEqual({ 'k\uFFFD': 'a\uFFFDb\uFFFDc' });
    expect(toJson({ n: -0, inf: Number.POSITIVE_INFINITY, f: () => 1 })).toEqual({ n: 0, inf: 'Infinity' });
  });

  it('replaces a value larger than the cap with a preview', () => {
    const big = { text: 'y'.repeat(20_000) };
    const capped = capJson(big) as Record<string, Json>;
    expect(capped).toMatchObject({ $truncated: true, bytes: JSON.stringify(big).length, preview: expect.stringMatching(/^\{"text":"yyy/) });
    expect(JSON.stringify(capped).length).toBeLessThan(2_000);
    expect(capJson({ small: 1 })).toEqual({ small: 1 });
  });
});

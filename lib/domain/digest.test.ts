import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonDigest, sha256Digest } from './digest';
import { isDigest, shortDigest } from './digest-format';

describe('digests', () => {
  it('sha256Digest matches the known value', () => {
    expect(sha256Digest('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('canonicalJson follows RFC 8785: sorted keys, no whitespace, shortest numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 1e21, 0.5], c: 'é' })).toBe('{"a":[true,null,1e+21,0.5],"b":1,"c":"é"}');
  });
  it('jsonDigest ignores key order', () => {
    expect(jsonDigest({ a: 1, b: 2 })).toBe(jsonDigest({ b: 2, a: 1 }));
  });
  it.each([
    [`sha256:${'a'.repeat(64)}`, true],
    [`sha256:${'A'.repeat(64)}`, false],
    [`sha256:${'a'.repeat(63)}`, false],
    ['md5:abc', false],
    ['sha256:../../etc/passwd', false],
  ])('isDigest(%s) = %s', (value, ok) => expect(isDigest(value)).toBe(ok));
  it('shortDigest keeps the first hex characters', () => {
    expect(shortDigest(`sha256:0123456789abcdef${'0'.repeat(48)}`)).toBe('0123456789ab');
  });
});

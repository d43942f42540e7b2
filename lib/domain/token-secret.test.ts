import { describe, expect, it } from 'vitest';
import { hashTokenSecret, isTokenSecretShape, newTokenSecret } from './token-secret';

describe('token secrets', () => {
  it('are fdk_ and 43 base64url characters, all different', () => {
    const secrets = new Set(Array.from({ length: 200 }, newTokenSecret));
    expect(secrets.size).toBe(200);
    for (const s of secrets) {
      expect(s).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
      expect(isTokenSecretShape(s)).toBe(true);
    }
  });
  it('has a shape check that refuses anything else before any lookup', () => {
    for (const v of ['', 'fdk_', 'fdk_short', `xyz_${'a'.repeat(43)}`, `fdk_${'a'.repeat(42)}!`, `fdk_${'a'.repeat(44)}`])
      expect(isTokenSecretShape(v)).toBe(false);
  });
  it('hashes to a stable sha256 that does not contain the secret', () => {
    const s = newTokenSecret();
    expect(hashTokenSecret(s)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashTokenSecret(s)).toBe(hashTokenSecret(s));
    expect(hashTokenSecret(s)).not.toContain(s.slice(4));
    // sha256("abc"), the FIPS 180-2 test vector.
    expect(hashTokenSecret('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

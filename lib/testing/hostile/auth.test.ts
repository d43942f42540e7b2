import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuthFixture, authCaseArb, expectedAuthStatus } from './auth';

const off: AuthFixture = { enforced: false, valid: {} };
const on: AuthFixture = { enforced: true, valid: { viewer: 'fdk_v', operator: 'fdk_o', admin: 'fdk_a' }, expired: 'fdk_x' };

describe('hostile auth cases', () => {
  it('expects no verdict while authentication is off (every caller is local)', () => {
    expect(expectedAuthStatus({ kind: 'unknown', headers: {} }, 'admin', off)).toBeNull();
    expect(expectedAuthStatus({ kind: 'none', headers: {} }, 'viewer', off)).toBeNull();
  });

  it('expects 401 without valid credentials and 403 below the access, once tokens exist', () => {
    for (const kind of ['none', 'malformed', 'unknown', 'expired', 'session-garbage'] as const) {
      expect(expectedAuthStatus({ kind, headers: {} }, 'viewer', on), kind).toBe(401);
      expect(expectedAuthStatus({ kind, headers: {} }, 'public', on), kind).toBeNull();
    }
    expect(expectedAuthStatus({ kind: 'valid', role: 'viewer', headers: {} }, 'operator', on)).toBe(403);
    expect(expectedAuthStatus({ kind: 'valid', role: 'operator', headers: {} }, 'operator', on)).toBeNull();
    expect(expectedAuthStatus({ kind: 'valid', role: 'admin', headers: {} }, 'viewer', on)).toBeNull();
  });

  it('sends bearer tokens in the fdk_ format and only Latin-1 header values', () => {
    const cases = fc.sample(authCaseArb(on), { numRuns: 500, seed: 1 });
    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['expired', 'malformed', 'none', 'session-garbage', 'unknown', 'valid']);
    for (const c of cases) {
      for (const value of Object.values(c.headers)) expect(/^[\t\x20-\xff]*$/.test(value), value).toBe(true);
      if (c.kind === 'unknown' || c.kind === 'valid' || c.kind === 'expired') expect(c.headers.authorization).toMatch(/^Bearer fdk_/);
    }
    expect(new Set(fc.sample(authCaseArb(off), { numRuns: 200, seed: 1 }).map((c) => c.kind)).has('valid')).toBe(false);
  });
});

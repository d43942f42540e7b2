import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_MS, sessionExpiry, signSession, verifySession } from './session-value';

const NOW = new Date('2026-03-01T12:00:00Z');
const KEY = 'k'.repeat(43);
const TOKEN = 'tok_01JD0000000000000000000000';

describe('sessionExpiry', () => {
  it('12 hours, or the token expiry when sooner', () => {
    expect(sessionExpiry(NOW, null).getTime()).toBe(NOW.getTime() + SESSION_MAX_AGE_MS);
    expect(sessionExpiry(NOW, new Date('2026-03-01T13:00:00.900Z'))).toEqual(new Date('2026-03-01T13:00:00Z'));
    expect(sessionExpiry(NOW, new Date('2027-01-01T00:00:00Z')).getTime()).toBe(NOW.getTime() + SESSION_MAX_AGE_MS);
  });
});

describe('signSession / verifySession', () => {
  const value = signSession({ tokenId: TOKEN, expiresAt: sessionExpiry(NOW, null) }, KEY);

  it('round-trips and names the token, never a secret', () => {
    expect(value).toMatch(/^s1\.tok_[0-9A-Z]{26}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySession(value, KEY, NOW)).toEqual({ tokenId: TOKEN, expiresAt: sessionExpiry(NOW, null) });
  });
  it('refuses another key, a changed field, an expired session and garbage', () => {
    expect(verifySession(value, 'other', NOW)).toBeNull();
    const [v, , exp, sig] = value.split('.');
    expect(verifySession([v, 'tok_01JD0000000000000000000001', exp, sig].join('.'), KEY, NOW)).toBeNull();
    expect(verifySession([v, TOKEN, String(Number(exp) + 3600), sig].join('.'), KEY, NOW)).toBeNull();
    expect(verifySession(value, KEY, new Date(NOW.getTime() + SESSION_MAX_AGE_MS))).toBeNull();
    // Every other spelling of the last signature character, even one that decodes to the same bytes.
    const last = sig!.at(-1);
    for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.replace(last!, '')) {
      expect(verifySession([v, TOKEN, exp, sig!.slice(0, -1) + ch].join('.'), KEY, NOW)).toBeNull();
    }
    for (const bad of ['', 'x', 's1.a.b.c', `${value}.x`, `s2${value.slice(2)}`, 'x'.repeat(500)]) expect(verifySession(bad, KEY, NOW)).toBeNull();
  });
});

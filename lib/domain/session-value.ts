import { createHmac, timingSafeEqual } from 'node:crypto';
import { isId } from './ids';

/**
 * The dashboard's session cookie value: `s1.<tokenId>.<expires, unix seconds>.<HMAC-SHA256>`, signed
 * with a server secret. It names the token, never carries it; the server still checks the token on
 * every request, so revoking or expiring the token ends its sessions. Server only (node:crypto).
 */
export const SESSION_MAX_AGE_MS = 12 * 3_600_000;
const VERSION = 's1';

export interface SessionClaims {
  tokenId: string;
  /** When the session ends (whole seconds). */
  expiresAt: Date;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload, 'utf8').digest();
}

/** A session for a token, ending in 12 hours or when the token expires, whichever comes first. */
export function sessionExpiry(now: Date, tokenExpiresAt: Date | null): Date {
  const cap = now.getTime() + SESSION_MAX_AGE_MS;
  const end = tokenExpiresAt ? Math.min(cap, tokenExpiresAt.getTime()) : cap;
  return new Date(Math.floor(end / 1000) * 1000);
}

export function signSession(claims: SessionClaims, secret: string): string {
  const payload = `${VERSION}.${claims.tokenId}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The claims of a well-formed, correctly signed, unexpired session value; null otherwise. */
export function verifySession(value: string, secret: string, now: Date): SessionClaims | null {
  if (value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const [version, tokenId, exp, sig] = parts as [string, string, string, string];
  if (version !== VERSION || !isId(tokenId, 'tok') || !/^\d{1,12}$/.test(exp)) return null;
  // Compared as text: base64url decoding ignores a last character's unused bits, so two spellings of one
  // signature would both pass a byte comparison.
  const expected = Buffer.from(mac(secret, `${version}.${tokenId}.${exp}`).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(Number(exp) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { tokenId, expiresAt };
}

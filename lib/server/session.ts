import 'server-only';
import type { CallerInfo, SessionInfo } from '@/lib/contract/session';
import { ensureSessionSecret } from '@/lib/control/session-secret';
import { recordTokenUse } from '@/lib/db/queries/tokens';
import { isHttps } from '@/lib/domain/request-origin';
import { sessionExpiry, signSession } from '@/lib/domain/session-value';
import { shouldRecordUse } from '@/lib/domain/tokens';
import { AppError } from '@/lib/errors';
import { type Caller, checkSameOrigin, currentAuthMode, identify, originFacts } from './auth';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { getStore } from './store';

/** What a client may know of a caller (no last-use bookkeeping). */
export function callerInfo(caller: Caller): CallerInfo | null {
  if (caller.via === 'anonymous' || caller.role === null) return null;
  return { actor: caller.actor, role: caller.role, via: caller.via, tokenId: caller.tokenId, expiresAt: caller.expiresAt?.toISOString() ?? null };
}

export function sessionInfo(caller: Caller): SessionInfo {
  return { authRequired: currentAuthMode().required, caller: callerInfo(caller) };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Signs the dashboard in with a token: checks it like a bearer token (401 with the reason when it is
 * unknown, revoked or expired), then sets the session cookie — a signed value naming the token, ending
 * in at most 12 hours. The token itself is never stored in the browser.
 */
export async function signIn(req: Request, token: string, now = new Date()): Promise<Response> {
  // Login CSRF: a browser always sends Origin on a POST; another site's page may not sign us in.
  if (req.headers.get('origin') !== null) checkSameOrigin(req);
  if (!currentAuthMode().required) {
    throw new AppError('invalid_input', 'authentication is off on this server (it listens on loopback only): there is nothing to sign in to');
  }
  const { db } = await getStore();
  const caller = await identify(db, { authorization: `Bearer ${token.trim()}`, session: null }, now);
  if (!caller?.tokenId) throw new AppError('unauthorized', 'the token is not valid', { reason: 'unknown_token' });
  const expiresAt = sessionExpiry(now, caller.expiresAt);
  const value = signSession({ tokenId: caller.tokenId, expiresAt }, await ensureSessionSecret(db));
  if (shouldRecordUse(caller.lastUsedAt, now)) await recordTokenUse(db, caller.tokenId, now);
  const info: SessionInfo = { authRequired: true, caller: callerInfo({ ...caller, via: 'session', expiresAt }) };
  return Response.json(info, { headers: { ...NO_STORE, 'Set-Cookie': sessionCookie(value, expiresAt, isHttps(originFacts(req)), now) } });
}

/** Signs out: clears the cookie (the session value simply stops being sent). */
export function signOut(req: Request): Response {
  if (req.headers.get('origin') !== null) checkSameOrigin(req);
  return new Response(null, { status: 204, headers: { ...NO_STORE, 'Set-Cookie': clearedSessionCookie(isHttps(originFacts(req))) } });
}

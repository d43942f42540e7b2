import 'server-only';
import type { Access } from '@/lib/contract/endpoint-spec';
import { SESSION_COOKIE } from '@/lib/contract/session';
import { readSessionSecret } from '@/lib/control/session-secret';
import type { Db } from '@/lib/db/client';
import { findTokenByHash, findTokenById, recordTokenUse } from '@/lib/db/queries/tokens';
import type { TokenRow } from '@/lib/db/schema';
import { type AuthMode, authMode, isLoopbackRequestHost } from '@/lib/domain/auth-mode';
import { isSafeMethod, isSameOrigin, type OriginFacts } from '@/lib/domain/request-origin';
import { type Role, roleAllows } from '@/lib/domain/roles';
import { verifySession } from '@/lib/domain/session-value';
import { hashTokenSecret, isTokenSecretShape } from '@/lib/domain/token-secret';
import { shouldRecordUse, tokenState } from '@/lib/domain/tokens';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readCookie } from './session-cookie';
import { getStore } from './store';

/**
 * Who is calling: a token (bearer header, or the dashboard's session cookie naming it), `local` (full
 * access) when authentication is off, or `anonymous` on a public endpoint without credentials.
 */
export interface Caller {
  /** The commit actor: the token's name, `local` or `anonymous`. */
  actor: string;
  /** null only for `anonymous`. */
  role: Role | null;
  via: 'local' | 'token' | 'session' | 'anonymous';
  tokenId: string | null;
  /** The token's last use as read when authenticating (use is recorded at most once a minute). */
  lastUsedAt: Date | null;
  /** When these credentials stop working: the session's end or the token's expiry; null never. */
  expiresAt: Date | null;
}

export const LOCAL_CALLER: Caller = { actor: 'local', role: 'admin', via: 'local', tokenId: null, lastUsedAt: null, expiresAt: null };
const ANONYMOUS: Caller = { actor: 'anonymous', role: null, via: 'anonymous', tokenId: null, lastUsedAt: null, expiresAt: null };

/** This server's auth mode, from FLOWDECK_AUTH and the bind host the launcher passed. */
export function currentAuthMode(): AuthMode {
  const e = env();
  return authMode({ setting: e.FLOWDECK_AUTH, bindHost: e.FLOWDECK_BIND_HOST });
}

/** The credentials a request carries (the raw header and cookie; neither is ever logged). */
export interface Credentials {
  authorization: string | null;
  session: string | null;
}

export function credentialsOf(headers: Headers): Credentials {
  return { authorization: headers.get('authorization'), session: readCookie(headers.get('cookie'), SESSION_COOKIE) };
}

const unauthorized = (reason: string, message: string) => new AppError('unauthorized', message, { reason });

/** A token row that may be used now, or the 401 that says why not. */
function usable(row: TokenRow | null, now: Date, what: 'token' | 'session'): TokenRow {
  if (!row) {
    throw what === 'token'
      ? unauthorized('unknown_token', 'the token is not known to this server')
      : unauthorized('session_ended', 'your session has ended: sign in again');
  }
  const state = tokenState(row, now);
  if (state === 'revoked') throw unauthorized('revoked', `the token "${row.name}" was revoked on ${row.revokedAt?.toISOString()}`);
  if (state === 'expired') throw unauthorized('expired', `the token "${row.name}" expired on ${row.expiresAt?.toISOString()}`);
  return row;
}

function tokenCaller(row: TokenRow, via: 'token' | 'session', expiresAt: Date | null): Caller {
  return { actor: row.name, role: row.role, via, tokenId: row.id, lastUsedAt: row.lastUsedAt, expiresAt };
}

/**
 * The caller the credentials prove, null when there are none; 401 for credentials that prove nothing
 * (malformed, unknown, revoked or expired token; a bad or ended session). Reads only. A bearer header
 * wins over a cookie.
 */
export async function identify(db: Db, creds: Credentials, now = new Date()): Promise<Caller | null> {
  if (creds.authorization !== null) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(creds.authorization);
    if (!match) throw unauthorized('malformed', 'the Authorization header must be "Bearer <token>"');
    const secret = match[1] as string;
    if (!isTokenSecretShape(secret)) throw unauthorized('unknown_token', 'the token is not a Flowdeck token (they start with fdk_)');
    const row = usable(await findTokenByHash(db, hashTokenSecret(secret)), now, 'token');
    return tokenCaller(row, 'token', row.expiresAt);
  }
  if (creds.session !== null) {
    const key = await readSessionSecret(db);
    const claims = key ? verifySession(creds.session, key, now) : null;
    if (!claims) throw unauthorized('session_ended', 'your session has ended: sign in again');
    const row = usable(await findTokenById(db, claims.tokenId), now, 'session');
    return tokenCaller(row, 'session', claims.expiresAt);
  }
  return null;
}

export function originFacts(req: Request): OriginFacts {
  return {
    url: req.url,
    host: req.headers.get('host'),
    forwardedHost: req.headers.get('x-forwarded-host'),
    forwardedProto: req.headers.get('x-forwarded-proto'),
  };
}

/** 403 for a cookie-authenticated write whose Origin is not the request's own (a cross-site request). */
export function checkSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (!isSameOrigin(origin, originFacts(req))) {
    throw new AppError(
      'csrf',
      origin ? `cross-site request refused: Origin ${origin} is not this server` : 'cross-site request refused: a signed-in write must carry an Origin header',
    );
  }
}

/** With authentication off, only requests addressed to a loopback name are served (see isLoopbackRequestHost). */
export function checkLoopbackRequest(headers: Headers): void {
  const host = headers.get('host');
  if (!isLoopbackRequestHost(host)) {
    throw new AppError(
      'forbidden',
      `authentication is off because the server listens on loopback only, but this request was addressed to ${host}; ` +
        'if the server is reachable under that name (a proxy), set FLOWDECK_AUTH=required',
      { reason: 'not_loopback' },
    );
  }
}

/**
 * Authenticates a request for an endpoint of the given access. Authentication is off on a loopback
 * install without FLOWDECK_AUTH=required; every caller is then `local`. Otherwise: 401 without valid
 * credentials, 403 below the endpoint's role, 403 `csrf` for a cross-site cookie write. Public
 * endpoints get whoever the credentials prove, else `anonymous`, and never a 401.
 */
export async function authorize(req: Request, access: Access, what = 'this endpoint'): Promise<Caller> {
  if (!currentAuthMode().required) {
    checkLoopbackRequest(req.headers);
    // A browser write from another site to a loopback server: refused (others have no Origin).
    if (!isSafeMethod(req.method) && req.headers.get('origin') !== null) checkSameOrigin(req);
    return LOCAL_CALLER;
  }
  const creds = credentialsOf(req.headers);
  if (access === 'public') {
    if (creds.authorization === null && creds.session === null) return ANONYMOUS;
    try {
      return (await identify((await getStore()).db, creds)) ?? ANONYMOUS;
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthorized') return ANONYMOUS;
      throw err;
    }
  }
  const caller = await identify((await getStore()).db, creds);
  if (!caller) {
    throw unauthorized('missing', 'authentication required: send "Authorization: Bearer <token>" (npx flowdeck token create), or sign in to the dashboard');
  }
  if (caller.via === 'session' && !isSafeMethod(req.method)) checkSameOrigin(req);
  requireRole(caller, access, what);
  return caller;
}

/** For actions whose role depends on the request (a forced sunset needs admin): 403 below `role`. */
export function requireRole(caller: Caller, role: Role, what: string): void {
  if (caller.role === null) throw unauthorized('missing', `${what} needs a token with the ${role} role`);
  if (!roleAllows(caller.role, role)) {
    throw new AppError('forbidden', `${what} needs the ${role} role; ${caller.actor} is ${caller.role}`, { required: role, role: caller.role });
  }
}

/** After a successful request: note the token's use (at most once a minute; a failure only logs). */
export async function recordUse(caller: Caller, now = new Date()): Promise<void> {
  if (!caller.tokenId || !shouldRecordUse(caller.lastUsedAt, now)) return;
  try {
    await recordTokenUse((await getStore()).db, caller.tokenId, now);
  } catch (err) {
    console.error(`[flowdeck] could not record the use of token ${caller.tokenId}:`, err instanceof Error ? err.message : err);
  }
}

import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type CallerInfo, SESSION_COOKIE, type SessionInfo } from '@/lib/contract/session';
import { isLoopbackRequestHost } from '@/lib/domain/auth-mode';
import { safeNextPath } from '@/lib/domain/safe-next';
import { AppError } from '@/lib/errors';
import { routes } from '@/lib/routes';
import { currentAuthMode, identify, LOCAL_CALLER, recordUse } from './auth';
import { callerInfo } from './session';
import { getStore } from './store';

export interface PageSession extends SessionInfo {
  /** With authentication off: whether the request was addressed to a loopback name (else nothing is shown). */
  hostAllowed: boolean;
}

/**
 * The dashboard's caller for this request (once per request: the root layout and the page share it).
 * Pages authenticate by the session cookie only. Bad or ended sessions are simply "not signed in".
 */
export const getPageSession = cache(async (): Promise<PageSession> => {
  const requestHeaders = await headers();
  const mode = currentAuthMode();
  if (!mode.required) {
    const hostAllowed = isLoopbackRequestHost(requestHeaders.get('host'));
    return { authRequired: false, caller: hostAllowed ? callerInfo(LOCAL_CALLER) : null, hostAllowed };
  }
  const session = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  if (!session) return { authRequired: true, caller: null, hostAllowed: true };
  try {
    const caller = await identify((await getStore()).db, { authorization: null, session });
    if (caller) await recordUse(caller);
    return { authRequired: true, caller: caller ? callerInfo(caller) : null, hostAllowed: true };
  } catch (err) {
    if (err instanceof AppError && err.code === 'unauthorized') return { authRequired: true, caller: null, hostAllowed: true };
    throw err;
  }
});

/** A route parameter as the user typed it (a malformed escape stays as it is). */
export function decodedParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type SearchParams = Record<string, string | string[] | undefined>;

/** `/runs` + `{ phase: 'running' }` → `/runs?phase=running` (the page to come back to after signing in). */
export function pagePath(path: string, search?: SearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) params.append(key, v);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Call first in every dashboard page (and in loaders its metadata shares), before reading the store:
 * without a valid session when authentication is required, it redirects to the sign-in page, which
 * brings the user back to `path` (a path of this app only) afterwards.
 */
export async function requirePageCaller(path: string): Promise<CallerInfo> {
  const session = await getPageSession();
  if (session.caller) return session.caller;
  redirect(routes.signIn(safeNextPath(path)));
}

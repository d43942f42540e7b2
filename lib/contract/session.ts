import type { Role } from '@/lib/domain/roles';

/** The dashboard's session cookie: httpOnly, SameSite=Strict, Path=/, Secure over https. */
export const SESSION_COOKIE = 'flowdeck_session';

/** Who the dashboard or an API client is signed in as (GET /api/v1/session; the UI's caller context). */
export interface CallerInfo {
  /** The commit actor: the token's name, or `local` when authentication is off. */
  actor: string;
  role: Role;
  via: 'local' | 'token' | 'session';
  tokenId: string | null;
  /** When these credentials stop working (session end or token expiry); null never. */
  expiresAt: string | null;
}

export interface SessionInfo {
  authRequired: boolean;
  /** null: not signed in. */
  caller: CallerInfo | null;
}

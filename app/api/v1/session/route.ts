import { endpoint } from '@/lib/server/endpoint';
import { sessionInfo, signIn, signOut } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Whether authentication is on and who the caller is (null when not signed in); never a 401. */
export const GET = endpoint('GET /api/v1/session', async ({ caller }) => Response.json(sessionInfo(caller), { headers: { 'Cache-Control': 'no-store' } }));

/** `{ token }` → the session cookie (httpOnly, SameSite=Strict); the token travels in the body only. */
export const POST = endpoint('POST /api/v1/session', async ({ req, body }) => signIn(req, body.token));

export const DELETE = endpoint('DELETE /api/v1/session', async ({ req }) => signOut(req));

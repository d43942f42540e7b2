import 'server-only';
import { randomUUID } from 'node:crypto';
import { endpointSpec, type EndpointKey } from '@/lib/api/endpoints';
import { authorize, type Caller, recordUse } from './auth';
import { toErrorResponse } from './http';

export type { Caller } from './auth';

type Handler<C> = (req: Request, ctx: C, caller: Caller) => Promise<Response>;

/** A request id: the caller's `x-request-id` when it is a sane token, else a fresh one. */
function requestIdOf(req: Request): string {
  const given = req.headers.get('x-request-id');
  return given && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * The route handler of one endpoint of lib/api/endpoints.ts: authorizes the caller for the endpoint's
 * access (lib/server/auth.ts), runs the handler, records the token's use when it succeeded, maps every
 * failure to the error envelope, and tags the response with a request id (also in the server log for
 * internal errors).
 */
export function endpoint<C>(key: EndpointKey, handler: Handler<C>): (req: Request, ctx: C) => Promise<Response> {
  const spec = endpointSpec(key);
  return async (req, ctx) => {
    const requestId = requestIdOf(req);
    let response: Response;
    let caller: Caller | null = null;
    try {
      caller = await authorize(req, spec.access, key);
      response = await handler(req, ctx, caller);
    } catch (err) {
      response = toErrorResponse(err, requestId);
    }
    // Only a request that succeeded counts as a use of its token: a refused one leaves the store alone.
    if (caller && response.status < 400) await recordUse(caller);
    try {
      response.headers.set('x-request-id', requestId);
      if (response.status === 401) response.headers.set('WWW-Authenticate', 'Bearer realm="flowdeck"');
    } catch {
      // Immutable headers (a re-used Response); the id is then only in the body of errors.
    }
    return response;
  };
}

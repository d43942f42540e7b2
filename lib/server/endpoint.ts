import 'server-only';
import { endpointSpec, type EndpointKey } from '@/lib/contract/endpoints';
import { authorize, type Caller, recordUse } from './auth';
import { toErrorResponse } from './http';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

export type { Caller } from './auth';

type Handler<C> = (req: Request, ctx: C, caller: Caller) => Promise<Response>;

/** A route handler built by endpoint(), tagged with its ENDPOINTS key (the route-coverage test reads it). */
export type EndpointHandler<C> = ((req: Request, ctx: C) => Promise<Response>) & { readonly endpointKey: EndpointKey };

/** The response with its request id header; a response with immutable headers is copied first. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * The route handler of one endpoint of lib/contract/endpoints.ts: authorizes the caller for the endpoint's
 * access (lib/server/auth.ts), runs the handler, records the token's use when it succeeded, maps every
 * failure to the error envelope, and tags the response with a request id (also in the server log for
 * internal errors).
 */
export function endpoint<C>(key: EndpointKey, handler: Handler<C>): EndpointHandler<C> {
  const spec = endpointSpec(key);
  const route = async (req: Request, ctx: C): Promise<Response> => {
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
    const tagged = withRequestId(response, requestId);
    if (tagged.status === 401) tagged.headers.set('WWW-Authenticate', 'Bearer realm="flowdeck"');
    return tagged;
  };
  return Object.assign(route, { endpointKey: key });
}

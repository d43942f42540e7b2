import 'server-only';
import type { z } from 'zod';
import type { EndpointSpec } from '@/lib/contract/endpoint-spec';
import { type ENDPOINTS, type EndpointKey, endpointSpec } from '@/lib/contract/endpoints';
import { authorize, type Caller, recordUse } from './auth';
import { BLOB_LIMIT, readBytes, readJson, searchParams, toErrorResponse } from './http';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

export type { Caller } from './auth';

type Spec<K extends EndpointKey> = (typeof ENDPOINTS)[K];
/** The parsed value of a spec's zod schema under `field`, or `none` when the spec has no such schema. */
type Parsed<S, F extends string, None> = S extends { readonly [P in F]: infer Schema extends z.ZodType } ? z.output<Schema> : None;
/** No params or no query: an object with nothing to read. */
type Empty = { readonly [K in never]: never };

/** What a handler gets: params, query and body parsed by the endpoint's schemas, the request and the caller. */
export interface EndpointInput<K extends EndpointKey> {
  params: Parsed<Spec<K>, 'params', Empty>;
  query: Parsed<Spec<K>, 'query', Empty>;
  /** Bytes for a `binary` body; an optional body left out is parsed as `{}`; no body spec: undefined. */
  body: Spec<K> extends { readonly body: 'binary' } ? Uint8Array : Parsed<Spec<K>, 'body', undefined>;
  req: Request;
  caller: Caller;
}

/** The route params Next.js hands a route handler (none for a path without `[param]`). */
export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

/** A route handler built by endpoint(), tagged with its ENDPOINTS key (the route-coverage test reads it). */
export type EndpointHandler = ((req: Request, ctx: RouteContext) => Promise<Response>) & { readonly endpointKey: EndpointKey };

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

/** The body as the spec declares it: bytes, JSON (`{}` when an optional body is left out, i.e. sent with no content type), or none. */
async function readBody(req: Request, spec: EndpointSpec): Promise<unknown> {
  if (spec.body === undefined) return undefined;
  if (spec.body === 'binary') return readBytes(req, spec.bodyLimit ?? BLOB_LIMIT);
  if (spec.bodyOptional && !req.headers.get('content-type')) return spec.body.parse({});
  return readJson(req, spec.body, spec.bodyLimit);
}

/** Params, then query, then body, each by the spec's schema; the first that fails is the 400 (or 413, 415). */
async function readInput(req: Request, ctx: RouteContext, spec: EndpointSpec) {
  const params: unknown = spec.params ? spec.params.parse(await ctx.params) : {};
  const query: unknown = spec.query ? spec.query.parse(searchParams(req)) : {};
  const body = await readBody(req, spec);
  return { params, query, body };
}

/**
 * The route handler of one endpoint of lib/contract/endpoints.ts: authorizes the caller for the endpoint's
 * access (lib/server/auth.ts) before reading any input, parses params, query and body by the endpoint's
 * schemas, runs the handler, records the token's use when it succeeded, maps every failure to the error
 * envelope, and tags the response with a request id (also in the server log for internal errors).
 */
export interface EndpointOptions {
  /** Admission for a heavy kind of write: awaited after authorization and before the body is read; returns the end of the turn. */
  admit?: () => Promise<() => void>;
}

export function endpoint<K extends EndpointKey>(
  key: K,
  handler: (input: EndpointInput<K>) => Promise<Response>,
  options: EndpointOptions = {},
): EndpointHandler {
  const spec = endpointSpec(key);
  const route = async (req: Request, ctx: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    let response: Response;
    let caller: Caller | null = null;
    try {
      caller = await authorize(req, spec.access, key);
      const leave = options.admit ? await options.admit() : undefined;
      try {
        const input = await readInput(req, ctx, spec);
        response = await handler({ ...input, req, caller } as EndpointInput<K>);
      } finally {
        leave?.();
      }
    } catch (err) {
      response = toErrorResponse(err, requestId);
    }
    // Only a request that succeeded counts as a use of its token: a refused one leaves the store alone.
    if (caller && response.status < 400) await recordUse(caller);
    const tagged = withRequestId(response, requestId);
    if (tagged.status === 401) tagged.headers.set('WWW-Authenticate', 'Bearer realm="flowdeck"');
    if (tagged.status === 503) tagged.headers.set('Retry-After', '1');
    return tagged;
  };
  return Object.assign(route, { endpointKey: key });
}

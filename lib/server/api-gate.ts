import { HTTP_METHODS } from '@/lib/contract/endpoint-spec';
import { matchPath } from '@/lib/contract/endpoints';
import { errorResponse } from './error-envelope';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

/**
 * What happens to a request under /api before any route handler runs: the route answers it (`pass`),
 * or the gate does, in the error envelope: 404 for a path no endpoint has, 405 with `Allow` for a
 * method the path lacks, 204 with `Allow` for OPTIONS, 400 for a path that is not valid
 * percent-encoding. Next.js would answer some of these itself with an empty or HTML body.
 */
export type GateDecision =
  | { kind: 'pass'; template: string }
  | { kind: 'options'; allow: string[] }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; template: string; allow: string[] }
  | { kind: 'bad_path' };

/** The methods a path template answers, as an `Allow` list: HEAD with GET, and OPTIONS always. */
export function allowedMethods(methods: readonly string[]): string[] {
  const allow: string[] = HTTP_METHODS.filter((m) => methods.includes(m));
  if (allow.includes('GET')) allow.push('HEAD');
  allow.push('OPTIONS');
  return allow;
}

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The gate's decision for a method and a (still percent-encoded) path under /api. Pure. */
export function decideApiRequest(method: string, pathname: string): GateDecision {
  if (!decodable(pathname)) return { kind: 'bad_path' };
  const match = matchPath(pathname);
  if (!match) return { kind: 'not_found' };
  const allow = allowedMethods(match.methods);
  // Methods are case-sensitive: `patch` is not PATCH.
  if (method === 'OPTIONS') return { kind: 'options', allow };
  if (!allow.includes(method)) return { kind: 'method_not_allowed', template: match.path, allow };
  return { kind: 'pass', template: match.path };
}

/** The response of a decision other than `pass`, tagged with the request id. */
export function gateResponse(decision: Exclude<GateDecision, { kind: 'pass' }>, req: Request): Response {
  const id = { [REQUEST_ID_HEADER]: requestIdOf(req) };
  const { pathname } = new URL(req.url);
  switch (decision.kind) {
    case 'options':
      return new Response(null, { status: 204, headers: { ...id, Allow: decision.allow.join(', ') } });
    case 'not_found':
      return errorResponse(404, 'not_found', `no API route ${req.method} ${pathname}`, {}, id);
    case 'method_not_allowed': {
      const allow = decision.allow.join(', ');
      const message = `${req.method} is not allowed on ${decision.template}; allowed: ${allow}`;
      return errorResponse(405, 'method_not_allowed', message, { allow: decision.allow }, { ...id, Allow: allow });
    }
    case 'bad_path':
      return errorResponse(400, 'invalid_input', 'the path is not valid percent-encoding', {}, id);
    default: {
      const never: never = decision;
      return never;
    }
  }
}

/** The gate for one request: a response to send, or null to let the route handler answer. */
export function apiGate(req: Request): Response | null {
  const decision = decideApiRequest(req.method, new URL(req.url).pathname);
  return decision.kind === 'pass' ? null : gateResponse(decision, req);
}

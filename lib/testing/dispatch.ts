import path from 'node:path';
import { decideApiRequest, gateResponse } from '@/lib/server/api-gate';

/**
 * Serves a Request in process the way the built server does: the proxy's gate first (404, 405,
 * OPTIONS, broken encoding), then the route module of the matched template, called with its decoded
 * path params. HEAD goes to GET, as Next.js does (the body is kept so tests can inspect it).
 */
type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, RouteHandler>>;

const APP_DIR = path.resolve(import.meta.dirname, '../../app');
const modules = new Map<string, Promise<RouteModule>>();

/** /api/v1/runs/{runId}/events → app/api/v1/runs/[runId]/events/route.ts */
export function routeFileOf(template: string): string {
  const dirs = template
    .split('/')
    .filter(Boolean)
    .map((seg) => seg.replace(/^\{(\w+)\}$/, '[$1]'));
  return path.join(APP_DIR, ...dirs, 'route.ts');
}

function routeModule(template: string): Promise<RouteModule> {
  let mod = modules.get(template);
  if (!mod) {
    mod = import(/* @vite-ignore */ routeFileOf(template)) as Promise<RouteModule>;
    modules.set(template, mod);
  }
  return mod;
}

/** The decoded values of the template's `{params}` in a (percent-encoded) path. */
export function paramsOf(template: string, pathname: string): Record<string, string> {
  const names = template.split('/');
  const values = pathname.replace(/\/$/, '').split('/');
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    const m = /^\{(\w+)\}$/.exec(name);
    if (m) params[m[1]!] = decodeURIComponent(values[i]!);
  });
  return params;
}

export async function dispatch(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const decision = decideApiRequest(req.method, pathname);
  if (decision.kind !== 'pass') return gateResponse(decision, req);
  const mod = await routeModule(decision.template);
  const handler = mod[req.method === 'HEAD' ? 'GET' : req.method];
  if (!handler) throw new Error(`${decision.template} has no ${req.method} handler although ENDPOINTS lists it`);
  return handler(req, { params: Promise.resolve(paramsOf(decision.template, pathname)) });
}

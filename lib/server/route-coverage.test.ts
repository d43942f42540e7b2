import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { HTTP_METHODS } from '@/lib/contract/endpoint-spec';
import { ENDPOINTS, matchPath } from '@/lib/contract/endpoints';

const ROOT = path.resolve(import.meta.dirname, '../..');
const API_DIR = path.join(ROOT, 'app/api/v1');
/** Route-handler exports Next.js knows; anything else exported under these names would be served. */
const NEXT_METHODS = [...HTTP_METHODS, 'HEAD', 'OPTIONS'] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/runs/[runId]/events/route.ts → /api/v1/runs/{runId}/events */
function templateOf(file: string): string {
  const dir = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep);
  return `/${dir.map((seg) => seg.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

const isCatchAll = (file: string) => /\[\.\.\.\w+\]/.test(file);

const files = routeFiles(API_DIR).filter((f) => !isCatchAll(f));
const routes = await Promise.all(
  files.map(async (file) => ({ file: path.relative(ROOT, file), template: templateOf(file), mod: (await import(file)) as Record<string, unknown> })),
);
const served = routes.flatMap(({ template, mod }) => NEXT_METHODS.filter((m) => typeof mod[m] === 'function').map((m) => `${m} ${template}`));
const doc = buildOpenApiDocument();

describe('every API route and the endpoint table agree', () => {
  it('finds the route files', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(templateOf(path.join(API_DIR, 'runs/[runId]/nodes/[nodeId]/artifact-manifest/route.ts'))).toBe(
      '/api/v1/runs/{runId}/nodes/{nodeId}/artifact-manifest',
    );
  });

  it('has an ENDPOINTS entry and an OpenAPI operation for every method a route exports', () => {
    const missing = served.filter((key) => !(key in ENDPOINTS));
    expect(missing, 'route methods with no ENDPOINTS entry').toEqual([]);
    const undocumented = served.filter((key) => {
      const [method, template] = key.split(' ') as [string, string];
      return !doc.paths[template]?.[method.toLowerCase()];
    });
    expect(undocumented, 'route methods missing from the OpenAPI document').toEqual([]);
  });

  it('has a route for every ENDPOINTS entry', () => {
    const unrouted = Object.keys(ENDPOINTS).filter((key) => !served.includes(key));
    expect(unrouted, 'ENDPOINTS entries with no route handler').toEqual([]);
  });

  it('builds every exported handler with endpoint() for that same key', () => {
    const wrong: string[] = [];
    for (const { file, template, mod } of routes) {
      for (const method of NEXT_METHODS) {
        const handler = mod[method] as ((...args: unknown[]) => unknown) & { endpointKey?: string };
        if (typeof handler !== 'function') continue;
        const key = `${method} ${template}`;
        if (handler.endpointKey !== key) wrong.push(`${file}: ${method} is built for ${handler.endpointKey ?? 'nothing (not endpoint())'}, not ${key}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('routes every template to itself (no template shadows another)', () => {
    for (const { template } of routes) {
      const sample = template.replace(/\{(\w+)\}/g, 'x');
      expect(matchPath(sample)?.path, template).toBe(template);
    }
  });
});

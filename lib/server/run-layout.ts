import 'server-only';
import { createHash } from 'node:crypto';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { RunDetail } from '@/lib/contract/runs';
import { elkPositions, layeredPositions, usesElk } from '@/lib/domain/graph-layout-engines';
import type { LayoutRequest, SeededLayout } from '@/lib/domain/graph-layout-protocol';
import { buildGraphModel, graphStructureKey } from '@/lib/domain/graph-model';

/** Layouts by graph structure: runs of one workflow version share theirs, so most pages find it here. */
const cache = new Map<string, SeededLayout>();
const CACHE_SIZE = 256;
/**
 * elkjs runs on the server's one thread, and its cost grows fast (tens of ms at 50 nodes, seconds at 400):
 * past this size the browser's layout worker takes the graphs elkjs lays out. The linear layered layout
 * of bigger graphs stays here (about 0.1 s at 10,000 nodes, once per structure thanks to the cache).
 */
export const SERVER_ELK_MAX_NODES = 50;
let elk: InstanceType<typeof ELK> | null = null;
function elkInstance(): InstanceType<typeof ELK> {
  elk ??= new ELK();
  return elk;
}

/**
 * The run's graph laid out on the server, with the same engines and settings as the page's layout worker
 * (elkjs while small, the linear layered layout beyond), so the graph draws as soon as the page hydrates.
 * Null for a run without steps, for one of the mid-sized graphs elkjs would hold the server up with, or
 * if the layout fails: the page then lays the graph out in the browser, as it does after a change.
 */
export async function layoutOfRun(run: RunDetail): Promise<SeededLayout | null> {
  const model = buildGraphModel(run);
  if (model.nodes.length === 0) return null;
  const key = createHash('sha1').update(graphStructureKey(model)).digest('base64url');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const req: LayoutRequest = { id: 0, nodes: model.nodes.map((n) => n.id), edges: model.edges.map((e) => [e.source, e.target]) };
  if (usesElk(req) && req.nodes.length > SERVER_ELK_MAX_NODES) return null;
  try {
    const placed = usesElk(req) ? await elkPositions(elkInstance(), req) : layeredPositions(req);
    const seed: SeededLayout = {
      nodeCount: model.nodes.length,
      edgeCount: model.edges.length,
      xs: Array.from(placed.xs, Math.round),
      ys: Array.from(placed.ys, Math.round),
      engine: placed.engine,
    };
    cache.set(key, seed);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return seed;
  } catch (err) {
    console.error('[flowdeck] laying out a run graph on the server failed; the browser will:', err);
    return null;
  }
}

/** Lays a small graph out once, so the first run page after start does not pay for elkjs warming up. */
export async function warmRunLayout(): Promise<void> {
  const req: LayoutRequest = {
    id: 0,
    nodes: ['a', 'b', 'c', 'd'],
    edges: [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ],
  };
  await elkPositions(elkInstance(), req);
}

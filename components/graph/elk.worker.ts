/**
 * The graph layout worker: lays a run's DAG out off the main thread. Small graphs go through elkjs
 * (loaded on first need), big ones through the linear-time layered layout; elkjs failing falls back too.
 */
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import { type ComputedLayout, elkPositions, layeredPositions, usesElk } from '@/lib/domain/graph-layout-engines';
import type { LayoutRequest, LayoutResponse } from '@/lib/domain/graph-layout-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let elk: Promise<ElkApi> | null = null;
function loadElk(): Promise<ElkApi> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    // Inside a worker, elk.bundled.js claims `self.onmessage` for its own protocol when it loads: take it back.
    scope.onmessage = onMessage;
    const Elk = mod.default;
    return new Elk();
  });
  return elk;
}

async function onMessage(e: MessageEvent<LayoutRequest>): Promise<void> {
  const req = e.data;
  const started = performance.now();
  try {
    let layout: ComputedLayout;
    try {
      layout = usesElk(req) ? await elkPositions(await loadElk(), req) : layeredPositions(req);
    } catch {
      layout = layeredPositions(req);
    }
    const ms = performance.now() - started;
    scope.postMessage({ id: req.id, ok: true, ...layout, ms }, [layout.xs.buffer, layout.ys.buffer]);
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) }, []);
  }
}

scope.onmessage = onMessage;

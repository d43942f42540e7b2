'use client';

import { layeredPositions } from '@/lib/domain/graph-layout-engines';
import type { LayoutRequest, LayoutResponse } from '@/lib/domain/graph-layout-protocol';

type Answer =
  | Extract<LayoutResponse, { ok: true }>
  | { id: number; ok: true; fallback: true; xs: Float64Array; ys: Float64Array; engine: 'layered'; ms: number };

let worker: Worker | null = null;
let broken = false;
const waiting = new Map<number, { req: LayoutRequest; resolve: (answer: Answer) => void }>();

/** Lays a request out on this thread: when workers are unavailable or the worker failed. */
function onMainThread(req: LayoutRequest): Answer {
  const started = performance.now();
  const l = layeredPositions(req);
  return { id: req.id, ok: true, fallback: true, xs: l.xs, ys: l.ys, engine: 'layered', ms: performance.now() - started };
}

function failAll(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const { req, resolve } of waiting.values()) resolve(onMainThread(req));
  waiting.clear();
}

/**
 * The one layout worker of the page, created on the first graph the server did not lay out (or whose
 * structure changed since), and kept for later graphs. Null where workers cannot run.
 */
function layoutWorker(): Worker | null {
  if (worker || broken || typeof window === 'undefined' || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
    const entry = waiting.get(e.data.id);
    if (!entry) return;
    waiting.delete(e.data.id);
    entry.resolve(e.data.ok ? e.data : onMainThread(entry.req));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failAll();
  };
  return worker;
}

/** Positions for a graph, from the worker (or this thread as a fallback). Never rejects. */
export function requestLayout(req: LayoutRequest): Promise<Answer> {
  const w = layoutWorker();
  if (!w) return Promise.resolve(onMainThread(req));
  return new Promise((resolve) => {
    waiting.set(req.id, { req, resolve });
    w.postMessage(req);
  });
}

/** Forgets a request whose answer is no longer wanted (the graph changed or went away). */
export function dropLayout(id: number): void {
  waiting.delete(id);
}

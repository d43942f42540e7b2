'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { fitsGraph, type LayoutEngine, type LayoutRequest, type SeededLayout } from '@/lib/domain/graph-layout-protocol';
import { type GraphModel, graphStructureKey } from '@/lib/domain/graph-model';
import { dropLayout, requestLayout } from './layout-client';

export interface GraphLayout {
  /** The structure this layout is for (`graphStructureKey`). */
  key: string;
  positions: Map<string, { x: number; y: number }>;
  engine: LayoutEngine;
  /** From asking for the layout to having positions (worker start-up included on a first graph); 0 when seeded. */
  ms: number;
  /** Inside the worker: from receiving the graph to posting positions (elkjs load included). */
  workerMs: number;
}

let nextRequest = 0;

function toRequest(model: GraphModel): LayoutRequest {
  return { id: ++nextRequest, nodes: model.nodes.map((n) => n.id), edges: model.edges.map((e) => [e.source, e.target]) };
}

function fromSeed(model: GraphModel, key: string, seed: SeededLayout | undefined): GraphLayout | null {
  if (!seed || !fitsGraph(seed, model)) return null;
  const positions = new Map<string, { x: number; y: number }>();
  model.nodes.forEach((n, i) => {
    positions.set(n.id, { x: seed.xs[i] ?? 0, y: seed.ys[i] ?? 0 });
  });
  return { key, positions, engine: seed.engine, ms: 0, workerMs: 0 };
}

/**
 * Lays the graph out in the page's layout worker whenever its structure changes (not when only
 * statuses do, as while a run is polled). Starts from the server's layout (`seed`) when it fits the
 * graph, so the first draw waits for nothing. Null until the first layout arrives; a new structure keeps
 * the previous layout on screen until its own is ready.
 */
export function useGraphLayout(model: GraphModel, seed?: SeededLayout): GraphLayout | null {
  const key = useMemo(() => graphStructureKey(model), [model]);
  const latest = useRef(model);
  const [layout, setLayout] = useState<GraphLayout | null>(() => fromSeed(model, key, seed));
  const laidOut = useRef(layout?.key);

  useEffect(() => {
    latest.current = model;
  });

  useEffect(() => {
    if (laidOut.current === key) return;
    const req = toRequest(latest.current);
    const started = performance.now();
    let wanted = true;
    void requestLayout(req).then((answer) => {
      if (!wanted) return;
      laidOut.current = key;
      const positions = new Map<string, { x: number; y: number }>();
      req.nodes.forEach((id, i) => {
        positions.set(id, { x: answer.xs[i] ?? 0, y: answer.ys[i] ?? 0 });
      });
      setLayout({ key, positions, engine: answer.engine, ms: performance.now() - started, workerMs: answer.ms });
    });
    return () => {
      wanted = false;
      dropLayout(req.id);
    };
  }, [key]);

  return layout;
}

'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { type GraphModel, graphStructureKey } from '@/lib/domain/graph-model';
import { dropLayout, requestLayout } from './layout-client';
import type { LayoutEngine, LayoutRequest } from './layout-protocol';

export interface GraphLayout {
  /** The structure this layout is for (`graphStructureKey`). */
  key: string;
  positions: Map<string, { x: number; y: number }>;
  engine: LayoutEngine;
  /** From asking for the layout to having positions (worker start-up included on a first graph). */
  ms: number;
  /** Inside the worker: from receiving the graph to posting positions (elkjs load included). */
  workerMs: number;
}

let nextRequest = 0;

function toRequest(model: GraphModel): LayoutRequest {
  return { id: ++nextRequest, nodes: model.nodes.map((n) => n.id), edges: model.edges.map((e) => [e.source, e.target]) };
}

/**
 * Lays the graph out in the page's layout worker whenever its structure changes (not when only
 * statuses do, as while a run is polled). Null until the first layout arrives; a new structure keeps
 * the previous layout on screen until its own is ready.
 */
export function useGraphLayout(model: GraphModel): GraphLayout | null {
  const key = useMemo(() => graphStructureKey(model), [model]);
  const latest = useRef(model);
  const [layout, setLayout] = useState<GraphLayout | null>(null);

  useEffect(() => {
    latest.current = model;
  });

  useEffect(() => {
    const req = toRequest(latest.current);
    const started = performance.now();
    let wanted = true;
    void requestLayout(req).then((answer) => {
      if (!wanted) return;
      const positions = new Map<string, { x: number; y: number }>();
      req.nodes.forEach((id, i) => positions.set(id, { x: answer.xs[i] ?? 0, y: answer.ys[i] ?? 0 }));
      setLayout({ key, positions, engine: answer.engine, ms: performance.now() - started, workerMs: answer.ms });
    });
    return () => {
      wanted = false;
      dropLayout(req.id);
    };
  }, [key]);

  return layout;
}

'use client';

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';

/** Brings the selected node into view (centred, at a readable zoom) when it is selected off-screen. */
export function FocusSelected({ selectedId }: { selectedId: string | null }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (!selectedId) return;
    const node = flow.getInternalNode(selectedId);
    if (!node) return;
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const { x, y } = node.internals.positionAbsolute;
    const left = x * zoom + tx;
    const top = y * zoom + ty;
    const visible = left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= width && top + NODE_HEIGHT * zoom <= height;
    if (visible && zoom >= 0.5) return;
    void flow.setCenter(x + NODE_WIDTH / 2, y + NODE_HEIGHT / 2, { zoom: Math.max(zoom, 0.85), duration: 250 });
  }, [selectedId, flow, store]);
  return null;
}

'use client';

import { ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import { cssColor, fitCanvas, type PaintNode, paintNodes } from './canvas-paint';

/** Largest side and area of the overview's bitmap: sharp enough zoomed out, cheap in memory. */
const MAX_SIDE = 4_096;
const MAX_PIXELS = 6_000_000;

export interface OverviewLayerProps {
  nodes: readonly PaintNode[];
  /** Edges as [x1, y1, x2, y2] runs, in flow coordinates (source's right side to target's left side). */
  segments: Float64Array;
  theme: string;
}

/**
 * The whole graph painted once on a canvas that moves with the viewport: what a big graph shows zoomed
 * far out, instead of thousands of DOM nodes. Panning and zooming it is a CSS transform, free per frame.
 */
export function OverviewLayer({ nodes, segments, theme }: OverviewLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const bounds = useMemo(() => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of nodes) {
      minX = Math.min(minX, n.x);
      minY = Math.min(minY, n.y);
      maxX = Math.max(maxX, n.x + NODE_WIDTH);
      maxY = Math.max(maxY, n.y + NODE_HEIGHT);
    }
    const width = Math.max(1, maxX - minX);
    const height = Math.max(1, maxY - minY);
    const scale = Math.min(1, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
    return { minX, minY, width, height, scale };
  }, [nodes]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: theme is a repaint trigger: the paint reads its colours from the theme's CSS variables
  useEffect(() => {
    const el = canvas.current;
    const ctx = el && fitCanvas(el, bounds.width, bounds.height, bounds.scale);
    if (!ctx) return;
    ctx.strokeStyle = cssColor('--muted-foreground', '#888');
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = Math.max(2, 1 / bounds.scale);
    ctx.beginPath();
    for (let i = 0; i + 3 < segments.length; i += 4) {
      ctx.moveTo((segments[i] as number) - bounds.minX, (segments[i + 1] as number) - bounds.minY);
      ctx.lineTo((segments[i + 2] as number) - bounds.minX, (segments[i + 3] as number) - bounds.minY);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    paintNodes(ctx, nodes, 1, -bounds.minX, -bounds.minY, 2 / bounds.scale);
  }, [nodes, segments, bounds, theme]);

  return (
    <ViewportPortal>
      <canvas
        ref={canvas}
        data-testid="graph-overview"
        aria-hidden
        className="pointer-events-none absolute"
        style={{ left: bounds.minX, top: bounds.minY, width: bounds.width, height: bounds.height }}
      />
    </ViewportPortal>
  );
}

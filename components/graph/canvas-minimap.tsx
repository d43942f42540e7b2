'use client';

import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import { cssColor, fitCanvas, type PaintNode, paintNodes } from './canvas-paint';

export type MiniMapNode = PaintNode;

const WIDTH = 160;
const HEIGHT = 110;
const PAD = 6;

/**
 * An overview of the whole graph on a canvas: one rectangle per node in its status colour, the view as
 * a frame; click or drag to move the view. A canvas, unlike an SVG minimap, costs the same at 10,000 nodes.
 */
export function CanvasMiniMap({ nodes, theme }: { nodes: readonly MiniMapNode[]; theme: string }) {
  const base = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const paneW = useStore((s) => s.width);
  const paneH = useStore((s) => s.height);

  const world = useMemo(() => {
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
    const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX || 1), (HEIGHT - 2 * PAD) / (maxY - minY || 1));
    const ox = (WIDTH - (maxX - minX) * scale) / 2 - minX * scale;
    const oy = (HEIGHT - (maxY - minY) * scale) / 2 - minY * scale;
    return { scale, ox, oy };
  }, [nodes]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: theme is a repaint trigger: the paint reads its colours from the theme's CSS variables
  useEffect(() => {
    const canvas = base.current;
    const ctx = canvas && fitCanvas(canvas, WIDTH, HEIGHT);
    if (!ctx) return;
    paintNodes(ctx, nodes, world.scale, world.ox, world.oy);
  }, [nodes, world, theme]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: theme is a repaint trigger: the paint reads its colours from the theme's CSS variables
  useEffect(() => {
    const canvas = frame.current;
    const ctx = canvas && fitCanvas(canvas, WIDTH, HEIGHT);
    if (!ctx) return;
    const x = world.ox + (-tx / zoom) * world.scale;
    const y = world.oy + (-ty / zoom) * world.scale;
    const w = (paneW / zoom) * world.scale;
    const h = (paneH / zoom) * world.scale;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.fillStyle = cssColor('--foreground', '#000');
    ctx.globalAlpha = 0.08;
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.clearRect(x, y, w, h);
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = cssColor('--primary', '#55f');
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x, y, w, h);
  }, [tx, ty, zoom, paneW, paneH, world, theme]);

  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const wx = (e.clientX - rect.left - world.ox) / world.scale;
    const wy = (e.clientY - rect.top - world.oy) / world.scale;
    void flow.setCenter(wx, wy, { zoom });
  };

  return (
    <Panel position="top-right">
      <div
        data-testid="graph-minimap"
        role="img"
        aria-label="Overview of the graph"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={moveTo}
        className="nodrag nopan relative cursor-pointer overflow-hidden rounded-md border bg-card shadow-xs"
        style={{ width: WIDTH, height: HEIGHT }}
      >
        <canvas ref={base} className="absolute inset-0" style={{ width: WIDTH, height: HEIGHT }} />
        <canvas ref={frame} className="absolute inset-0" style={{ width: WIDTH, height: HEIGHT }} />
      </div>
    </Panel>
  );
}

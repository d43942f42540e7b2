import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { NodeStatus } from '@/lib/domain/node-status';

/** A node as the canvas views (minimap, zoomed-out overview) paint it. */
export interface PaintNode {
  x: number;
  y: number;
  status: NodeStatus;
}

/** The CSS variable and opacity each status is painted with. */
const PAINT: Record<NodeStatus, [string, number]> = {
  pending: ['--muted-foreground', 0.45],
  running: ['--info', 1],
  success: ['--success', 0.9],
  failed: ['--danger', 1],
  skipped: ['--muted-foreground', 0.25],
  cancelled: ['--warning', 0.9],
};

/** A CSS colour variable of the document, as canvas fill and stroke styles take it. */
export function cssColor(variable: string, fallback: string, style: CSSStyleDeclaration = getComputedStyle(document.documentElement)): string {
  return style.getPropertyValue(variable).trim() || fallback;
}

/** Sizes a canvas's bitmap for the device pixel ratio and returns its context, scaled to CSS pixels. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  pixelRatio = window.devicePixelRatio || 1,
): CanvasRenderingContext2D | null {
  canvas.width = Math.max(1, Math.round(width * pixelRatio));
  canvas.height = Math.max(1, Math.round(height * pixelRatio));
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  return ctx;
}

/** Paints every node as a rectangle in its status colour, at `scale` with the given offset; one fill per status. */
export function paintNodes(ctx: CanvasRenderingContext2D, nodes: readonly PaintNode[], scale: number, ox: number, oy: number, minSize = 1): void {
  const w = Math.max(minSize, NODE_WIDTH * scale);
  const h = Math.max(minSize, NODE_HEIGHT * scale);
  const style = getComputedStyle(document.documentElement);
  for (const status of Object.keys(PAINT) as NodeStatus[]) {
    const [variable, alpha] = PAINT[status];
    ctx.fillStyle = cssColor(variable, '#888', style);
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    for (const n of nodes) if (n.status === status) ctx.rect(ox + n.x * scale, oy + n.y * scale, w, h);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

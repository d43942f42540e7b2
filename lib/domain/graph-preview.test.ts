import { describe, expect, it } from 'vitest';
import { initialView } from './graph-geometry';
import { type PreviewOptions, previewFrame, startTransform } from './graph-preview';

const o: PreviewOptions = {
  nodeWidth: 200,
  nodeHeight: 50,
  minReadableZoom: 0.5,
  startZoom: 0.75,
  padding: 28,
  fitPadding: 0.08,
  reach: { width: 2000, height: 1200 },
  assumedHeight: 460,
};

/** A layered graph: `layers` columns of `rows` nodes, 360 apart and 80 apart. */
function grid(layers: number, rows: number) {
  const out: { x: number; y: number }[] = [];
  for (let l = 0; l < layers; l++) for (let r = 0; r < rows; r++) out.push({ x: l * 360, y: r * 80 });
  return out;
}

/** Where a graph point lands on a canvas of the given size under a preview start anchor. */
function anchorOnScreen(anchor: string, canvas: { width: number; height: number }) {
  if (anchor === 'centre') return { x: canvas.width / 2, y: canvas.height / 2 };
  return { x: 0, y: anchor === 'left-middle' ? canvas.height / 2 : 0 };
}

describe('previewFrame', () => {
  it('is null for an empty graph', () => {
    expect(previewFrame([], o)).toBeNull();
  });

  it('says from which canvas size the whole graph is readable fitted, as initialView decides', () => {
    const positions = grid(6, 4);
    const frame = previewFrame(positions, o);
    if (!frame) throw new Error('no frame');
    for (const canvas of [
      { width: 400, height: 300 },
      { width: 1200, height: 300 },
      { width: 1200, height: 800 },
      { width: 2400, height: 1400 },
    ]) {
      const fits = canvas.width >= frame.fitFrom.width && canvas.height >= frame.fitFrom.height;
      expect(initialView(positions, canvas, o).kind, `${canvas.width}×${canvas.height}`).toBe(fits ? 'fit' : 'start');
    }
  });

  it('frames the bounds with React Flow fitView padding', () => {
    const frame = previewFrame(grid(2, 1), o);
    expect(frame?.bounds).toEqual({ x: 0, y: 0, width: 560, height: 50 });
    expect(frame?.fitBox.width).toBeCloseTo(560 * 1.08);
    expect(frame?.fitBox.x).toBeCloseTo(-560 * 0.04);
  });

  it("puts a notable node where initialView's start view puts it, whatever the canvas", () => {
    const positions = grid(30, 10);
    const interest = positions[155] as { x: number; y: number };
    const frame = previewFrame(positions, o, interest);
    if (!frame) throw new Error('no frame');
    expect(frame.start.anchor).toBe('centre');
    for (const canvas of [
      { width: 900, height: 500 },
      { width: 1600, height: 900 },
    ]) {
      const view = initialView(positions, canvas, o, interest);
      if (view.kind !== 'start') throw new Error('expected a start view');
      const at = anchorOnScreen(frame.start.anchor, canvas);
      expect(frame.start.x * view.zoom + view.x).toBeCloseTo(at.x);
      expect(frame.start.y * view.zoom + view.y).toBeCloseTo(at.y);
    }
  });

  it("puts the graph's start where initialView does, for a first layer that fits and one that does not", () => {
    for (const [rows, anchor] of [
      [3, 'left-middle'],
      [40, 'left-top'],
    ] as const) {
      const positions = grid(30, rows);
      const frame = previewFrame(positions, o);
      if (!frame) throw new Error('no frame');
      expect(frame.start.anchor).toBe(anchor);
      const canvas = { width: 1000, height: o.assumedHeight };
      const view = initialView(positions, canvas, o);
      if (view.kind !== 'start') throw new Error('expected a start view');
      const at = anchorOnScreen(frame.start.anchor, canvas);
      expect(frame.start.x * view.zoom + view.x).toBeCloseTo(at.x);
      expect(frame.start.y * view.zoom + view.y).toBeCloseTo(at.y);
    }
  });

  it('lists only the nodes a start view can show, around its anchor', () => {
    const positions = grid(100, 10);
    const frame = previewFrame(positions, o, positions[505]);
    if (!frame) throw new Error('no frame');
    // 2000 px at zoom 0.75 is about 2,667 graph units wide: 8 layers around the centre, all 10 rows.
    expect(frame.startNodes.length).toBeGreaterThan(50);
    expect(frame.startNodes.length).toBeLessThan(120);
    expect(frame.startNodes).toContain(505);
    expect(frame.startNodes).not.toContain(0);
  });
});

describe('startTransform', () => {
  it('moves the anchor point to the origin and scales', () => {
    expect(startTransform({ zoom: 0.5, anchor: 'centre', x: 100, y: 40 })).toBe('translate(-50px, -20px) scale(0.5)');
  });
});

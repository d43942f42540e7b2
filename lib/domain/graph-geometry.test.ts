import { describe, expect, it } from 'vitest';
import { bezierPoint, edgeLabelPoint, initialView, type InitialViewOptions, placeEdgeLabels } from './graph-geometry';

describe('bezierPoint', () => {
  it('starts at the source, ends at the target, passes the middle at t = 0.5', () => {
    const s = { x: 0, y: 0 };
    const t = { x: 100, y: 100 };
    expect(bezierPoint(s, t, 0)).toEqual(s);
    expect(bezierPoint(s, t, 1)).toEqual(t);
    expect(bezierPoint(s, t, 0.5)).toEqual({ x: 50, y: 50 });
  });
  it('is already most of the way to the target height at t = 0.6', () => {
    expect(bezierPoint({ x: 0, y: 0 }, { x: 100, y: 100 }, 0.6).y).toBeCloseTo(64.8);
  });
  it('handles a target left of the source', () => {
    const p = bezierPoint({ x: 100, y: 0 }, { x: 0, y: 0 }, 0.5);
    expect(p.x).toBeCloseTo(50);
  });
});

describe('initialView', () => {
  const o: InitialViewOptions = { nodeWidth: 200, nodeHeight: 50, minReadableZoom: 0.6, startZoom: 0.8, padding: 20 };
  it('fits a graph that is readable when fitted', () => {
    expect(initialView([{ x: 0, y: 0 }, { x: 300, y: 0 }], { width: 1000, height: 500 }, o)).toEqual({ kind: 'fit' });
  });
  it('opens a huge graph on its first layer', () => {
    const positions = Array.from({ length: 100 }, (_, i) => ({ x: (i % 10) * 300, y: Math.floor(i / 10) * 70 }));
    const view = initialView(positions, { width: 1000, height: 500 }, o);
    expect(view).toMatchObject({ kind: 'start', zoom: 0.8, x: 20 });
    // The first layer's top node is in view.
    if (view.kind === 'start') expect(view.y).toBeGreaterThanOrEqual(0);
  });
  it('centres the nodes of the first screenful when they fit, else starts at their top', () => {
    // In the first 1000 px at zoom 0.8 (1225 graph px): x 0..1200 → rows 1000 and 0..210.
    const positions = [{ x: 0, y: 1000 }, ...Array.from({ length: 50 }, (_, i) => ({ x: 300 + i * 300, y: i * 70 }))];
    const tall = initialView(positions, { width: 1000, height: 500 }, o);
    expect(tall.kind === 'start' && tall.y).toBeCloseTo(500 / 2 - (0 + (500 - 40) / 0.8 / 2) * 0.8);
    const short = initialView([{ x: 0, y: 100 }, { x: 0, y: 200 }, ...Array.from({ length: 60 }, (_, i) => ({ x: 2000 + i * 300, y: 0 }))], { width: 1000, height: 500 }, o);
    expect(short.kind === 'start' && short.y).toBeCloseTo(250 - ((100 + 250) / 2) * 0.8);
  });
  it('falls back to fit without a size', () => {
    expect(initialView([], { width: 0, height: 0 }, o)).toEqual({ kind: 'fit' });
  });
});

describe('edgeLabelPoint', () => {
  it('puts a one-gap label past the middle of the gap', () => {
    const p = edgeLabelPoint({ x: 0, y: 0 }, { x: 160, y: 100 }, 93);
    expect(p.x).toBeCloseTo(92.8, 1);
    expect(p.y).toBeGreaterThan(55);
  });
  it('keeps the label of a long edge in the first gap', () => {
    expect(edgeLabelPoint({ x: 0, y: 0 }, { x: 1000, y: 300 }, 93).x).toBeCloseTo(93, 1);
  });
  it('labels a backward edge at its middle', () => {
    expect(edgeLabelPoint({ x: 100, y: 0 }, { x: 0, y: 0 }, 93).x).toBeCloseTo(50);
  });
});

describe('placeEdgeLabels', () => {
  it('leaves lone labels on their edge and spreads the ones that would overlap', () => {
    const placed = placeEdgeLabels(
      [
        { id: 'a', source: { x: 0, y: 0 }, target: { x: 160, y: 10 } },
        { id: 'b', source: { x: 0, y: 0 }, target: { x: 500, y: 0 } },
        { id: 'far', source: { x: 1000, y: 0 }, target: { x: 1160, y: 0 } },
      ],
      93,
      30,
    );
    const a = placed.get('a') as { y: number };
    const b = placed.get('b') as { y: number };
    expect(Math.abs(a.y - b.y)).toBeCloseTo(30);
    expect(placed.get('far')).toEqual(edgeLabelPoint({ x: 1000, y: 0 }, { x: 1160, y: 0 }, 93));
  });
});

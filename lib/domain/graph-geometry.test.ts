import { describe, expect, it } from 'vitest';
import {
  bezierPath,
  bezierPoint,
  edgeLabelPoint,
  fitBounds,
  graphBounds,
  type InitialViewOptions,
  initialView,
  labelPerFan,
  notableNode,
  placeEdgeLabels,
} from './graph-geometry';

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

describe('bezierPath', () => {
  it('leaves the source rightwards and enters the target from the left, through bezierPoint', () => {
    expect(bezierPath({ x: 0, y: 0 }, { x: 100, y: 40 })).toBe('M0,0 C50,0 50,40 100,40');
  });
});

describe('graphBounds', () => {
  it('spans every node, its size included', () => {
    expect(
      graphBounds(
        [
          { x: 10, y: 20 },
          { x: 300, y: -40 },
        ],
        { nodeWidth: 200, nodeHeight: 50 },
      ),
    ).toEqual({ x: 10, y: -40, width: 490, height: 110 });
  });
});

describe('initialView', () => {
  const o: InitialViewOptions = { nodeWidth: 200, nodeHeight: 50, minReadableZoom: 0.6, startZoom: 0.8, padding: 20 };
  it('fits a graph that is readable when fitted', () => {
    expect(
      initialView(
        [
          { x: 0, y: 0 },
          { x: 300, y: 0 },
        ],
        { width: 1000, height: 500 },
        o,
      ),
    ).toEqual({ kind: 'fit' });
  });
  it('opens a huge graph on its first layer', () => {
    const positions = Array.from({ length: 100 }, (_, i) => ({ x: (i % 10) * 300, y: Math.floor(i / 10) * 70 }));
    const view = initialView(positions, { width: 1000, height: 500 }, o);
    expect(view).toMatchObject({ kind: 'start', zoom: 0.8, x: 20 });
    // The first layer's top node is in view.
    if (view.kind === 'start') expect(view.y).toBeGreaterThanOrEqual(0);
  });
  it('centres the first layer when it fits, else starts at its top', () => {
    const rest = Array.from({ length: 60 }, (_, i) => ({ x: 300 + i * 300, y: i * 70 }));
    const short = initialView([{ x: 0, y: 1000 }, { x: 0, y: 1100 }, ...rest], { width: 1000, height: 500 }, o);
    expect(short.kind === 'start' && short.y).toBeCloseTo(250 - ((1000 + 1150) / 2) * 0.8);
    const column = Array.from({ length: 40 }, (_, i) => ({ x: 0, y: i * 70 }));
    const tall = initialView([...column, ...rest], { width: 1000, height: 500 }, o);
    expect(tall.kind === 'start' && tall.y).toBeCloseTo(250 - ((500 - 40) / 0.8 / 2) * 0.8);
  });
  it('centres a node of interest instead of the start', () => {
    const positions = Array.from({ length: 100 }, (_, i) => ({ x: (i % 10) * 300, y: Math.floor(i / 10) * 70 }));
    expect(initialView(positions, { width: 1000, height: 500 }, o, { x: 2700, y: 630 })).toEqual({
      kind: 'start',
      zoom: 0.8,
      x: 500 - 2800 * 0.8,
      y: 250 - 655 * 0.8,
    });
  });
  it('falls back to fit without a size', () => {
    expect(initialView([], { width: 0, height: 0 }, o)).toEqual({ kind: 'fit' });
  });
});

describe('edgeLabelPoint', () => {
  it('puts a one-gap label in the middle of the gap', () => {
    expect(edgeLabelPoint({ x: 0, y: 0 }, { x: 160, y: 100 }, 80)).toEqual({ x: expect.closeTo(80, 1), y: expect.closeTo(50, 1) });
  });
  it('keeps the label of a long edge in the first gap', () => {
    expect(edgeLabelPoint({ x: 0, y: 0 }, { x: 1000, y: 300 }, 80).x).toBeCloseTo(80, 1);
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
      80,
      30,
    );
    const a = placed.get('a') as { y: number };
    const b = placed.get('b') as { y: number };
    expect(Math.abs(a.y - b.y)).toBeCloseTo(30);
    expect(placed.get('far')).toEqual(edgeLabelPoint({ x: 1000, y: 0 }, { x: 1160, y: 0 }, 80));
  });
});

describe('labelPerFan', () => {
  it('labels the middle edge of each fan once, with its size', () => {
    const fan = [0, 1, 2, 3, 4].map((i) => ({ id: `b->t${i}`, source: 'b', digest: 'd1', stale: false, targetY: i * 10 }));
    const labelled = labelPerFan([
      ...fan,
      { id: 'b->s', source: 'b', digest: 'd0', stale: true, targetY: 0 },
      { id: 'c->t0', source: 'c', digest: 'd1', stale: false, targetY: 0 },
    ]);
    expect([...labelled]).toEqual([
      ['b->t2', 5],
      ['b->s', 1],
      ['c->t0', 1],
    ]);
  });
});

describe('notableNode', () => {
  const at = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 300, y: 0 }],
    ['c', { x: 600, y: 0 }],
    ['d', { x: 900, y: 0 }],
  ]);
  it('prefers the leftmost failure, then the waiting node, then the leftmost running one', () => {
    expect(
      notableNode(
        [
          { id: 'a', status: 'running', waiting: null },
          { id: 'b', status: 'running', waiting: 'hook' },
          { id: 'd', status: 'failed', waiting: null },
          { id: 'c', status: 'failed', waiting: null },
        ],
        at,
      ),
    ).toEqual({ x: 600, y: 0 });
    expect(
      notableNode(
        [
          { id: 'a', status: 'running', waiting: null },
          { id: 'b', status: 'running', waiting: 'hook' },
        ],
        at,
      ),
    ).toEqual({ x: 300, y: 0 });
    expect(
      notableNode(
        [
          { id: 'b', status: 'running', waiting: null },
          { id: 'a', status: 'running', waiting: null },
        ],
        at,
      ),
    ).toEqual({ x: 0, y: 0 });
    expect(notableNode([{ id: 'a', status: 'success', waiting: null }], at)).toBeUndefined();
  });
});

describe('fitBounds', () => {
  it('centres the bounds at the zoom that fits them, within the zoom limits', () => {
    expect(fitBounds({ x: 0, y: 0, width: 1000, height: 100 }, { width: 1000, height: 500 }, 0.1, 0.01, 2)).toEqual({ zoom: 0.8, x: 100, y: 210 });
    expect(fitBounds({ x: 0, y: 0, width: 10, height: 10 }, { width: 1000, height: 500 }, 0, 0.01, 2).zoom).toBe(2);
    expect(fitBounds({ x: 0, y: 0, width: 1e6, height: 10 }, { width: 1000, height: 500 }, 0, 0.01, 2).zoom).toBe(0.01);
  });
});

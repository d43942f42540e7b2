import { describe, expect, it } from 'vitest';
import { assignLayers, DEFAULT_LAYOUT_OPTIONS, layeredLayout, placeInOrder } from './graph-layout';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const edge = (source: string, target: string) => ({ source, target });

describe('assignLayers', () => {
  it('puts each node one past its deepest dependency', () => {
    // 0 → 1 → 2, 0 → 2, 3 alone
    expect(assignLayers(4, [[], [0], [1, 0], []], [[1, 2], [2], [], []])).toEqual([0, 1, 2, 0]);
  });
  it('terminates on a cycle', () => {
    expect(assignLayers(3, [[2], [0], [1]], [[1], [2], [0]])).toHaveLength(3);
  });
});

describe('placeInOrder', () => {
  it('keeps desired positions that are far enough apart', () => {
    expect(placeInOrder([0, 100, 300], 50)).toEqual([0, 100, 300]);
  });
  it('spreads colliding nodes around their common target', () => {
    expect(placeInOrder([100, 100, 100], 50)).toEqual([50, 100, 150]);
  });
  it('keeps the order and the gap', () => {
    const y = placeInOrder([300, 0, 10, 500], 40);
    for (let i = 1; i < y.length; i++) expect((y[i] as number) - (y[i - 1] as number)).toBeGreaterThanOrEqual(40 - 1e-9);
  });
});

describe('layeredLayout', () => {
  it('lays a chain out on one line, left to right', () => {
    const r = layeredLayout({ nodes: nodes('a', 'b', 'c'), edges: [edge('a', 'b'), edge('b', 'c')] });
    expect(r.positions.map((p) => p.y)).toEqual([0, 0, 0]);
    expect(r.positions.map((p) => p.x)).toEqual([0, 290, 580]);
    expect(r.layers).toBe(3);
  });

  it('centres a fan-out around its source and never overlaps', () => {
    const r = layeredLayout({ nodes: nodes('s', 'a', 'b', 'c'), edges: [edge('s', 'a'), edge('s', 'b'), edge('s', 'c')] });
    const [s, a, b, c] = r.positions.map((p) => p.y) as [number, number, number, number];
    const step = DEFAULT_LAYOUT_OPTIONS.nodeHeight + DEFAULT_LAYOUT_OPTIONS.nodeGap;
    expect(b - a).toBe(step);
    expect(c - b).toBe(step);
    expect(s).toBe(b);
  });

  it('orders a layer to avoid crossings', () => {
    // a → y, b → x: with x listed before y, the barycenter sweep swaps them.
    const r = layeredLayout({ nodes: nodes('a', 'b', 'x', 'y'), edges: [edge('a', 'y'), edge('b', 'x')] });
    const [a, b, x, y] = r.positions.map((p) => p.y) as [number, number, number, number];
    expect(Math.sign(b - a)).toBe(Math.sign(x - y));
  });

  it('handles empty graphs, unknown edge ends and self loops', () => {
    expect(layeredLayout({ nodes: [], edges: [] })).toEqual({ positions: [], width: 0, height: 0, layers: 0 });
    const r = layeredLayout({ nodes: nodes('a'), edges: [edge('a', 'a'), edge('ghost', 'a')] });
    expect(r.positions).toEqual([{ x: 0, y: 0 }]);
  });

  // Its speed is measured in bench/ (the run page at 10,000 steps), not here.
  it('lays out 10,000 nodes without overlaps', () => {
    const width = 100;
    const ns = nodes(...Array.from({ length: 10_000 }, (_, i) => `n${i}`));
    const es = ns.flatMap((n, i) => (i < width ? [] : [edge(`n${i - width}`, n.id), edge(`n${i - width + ((i * 7) % width) - (i % width)}`, n.id)]));
    const r = layeredLayout({ nodes: ns, edges: es });
    const byColumn = new Map<number, number[]>();
    for (const p of r.positions) byColumn.set(p.x, [...(byColumn.get(p.x) ?? []), p.y]);
    for (const ys of byColumn.values()) {
      ys.sort((p, q) => p - q);
      for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(DEFAULT_LAYOUT_OPTIONS.nodeHeight);
    }
  });
});

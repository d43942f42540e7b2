import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { elkPositions, layeredPositions, usesElk } from './graph-layout-engines';
import { ELK_MAX_NODES, fitsGraph, type LayoutRequest, NODE_WIDTH } from './graph-layout-protocol';

/** build → (test, lint) → deploy */
const DIAMOND: LayoutRequest = {
  id: 1,
  nodes: ['build', 'test', 'lint', 'deploy'],
  edges: [
    ['build', 'test'],
    ['build', 'lint'],
    ['test', 'deploy'],
    ['lint', 'deploy'],
  ],
};

function checkDiamond({ xs, ys }: { xs: Float64Array; ys: Float64Array }) {
  // Layers run left to right, siblings sit side by side without overlapping.
  const [build, test, lint, deploy] = [0, 1, 2, 3].map((i) => ({ x: xs[i]!, y: ys[i]! }));
  expect(build!.x).toBeLessThan(test!.x);
  expect(test!.x).toBeCloseTo(lint!.x, 0);
  expect(test!.x).toBeLessThan(deploy!.x);
  expect(Math.abs(test!.y - lint!.y)).toBeGreaterThan(0);
  expect(deploy!.x - build!.x).toBeGreaterThanOrEqual(2 * NODE_WIDTH);
}

describe('layout engines', () => {
  it('lays a diamond out in layers with the linear layered layout', () => {
    const placed = layeredPositions(DIAMOND);
    expect(placed.engine).toBe('layered');
    checkDiamond(placed);
  });

  it('lays the same diamond out with elkjs, positions in request order', async () => {
    const placed = await elkPositions(new ELK(), DIAMOND);
    expect(placed.engine).toBe('elk');
    expect(placed.xs).toHaveLength(4);
    checkDiamond(placed);
  });

  it('uses elkjs up to its size limit only', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
    expect(usesElk({ id: 1, nodes: ids(ELK_MAX_NODES), edges: [] })).toBe(true);
    expect(usesElk({ id: 1, nodes: ids(ELK_MAX_NODES + 1), edges: [] })).toBe(false);
  });
});

describe('fitsGraph', () => {
  const seed = { nodeCount: 2, edgeCount: 1, xs: [0, 300], ys: [0, 0], engine: 'elk' as const };
  it('accepts a seed made for a graph of the same shape', () => {
    expect(fitsGraph(seed, { nodes: ['a', 'b'], edges: ['a->b'] })).toBe(true);
  });
  it('refuses one made before steps or edges were added', () => {
    expect(fitsGraph(seed, { nodes: ['a', 'b', 'c'], edges: ['a->b'] })).toBe(false);
    expect(fitsGraph(seed, { nodes: ['a', 'b'], edges: ['a->b', 'b->a'] })).toBe(false);
  });
});

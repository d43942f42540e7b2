import { describe, expect, it } from 'vitest';
import { topologicalOrder, upstreamOf } from './dag';

describe('topologicalOrder', () => {
  it('puts dependencies first', () => {
    expect(
      topologicalOrder(
        new Map([
          ['c', ['a', 'b']],
          ['a', []],
          ['b', ['a']],
        ]),
      ),
    ).toEqual({ order: ['a', 'b', 'c'] });
  });
  it('reports the members of a cycle', () => {
    expect(
      topologicalOrder(
        new Map([
          ['a', ['c']],
          ['b', ['a']],
          ['c', ['b']],
          ['d', []],
        ]),
      ),
    ).toEqual({ cycle: ['a', 'b', 'c'] });
  });
});

describe('upstreamOf', () => {
  it('collects transitive dependencies only', () => {
    const deps = new Map([
      ['a', []],
      ['b', ['a']],
      ['c', ['b']],
      ['d', []],
    ]);
    expect([...upstreamOf(deps, 'c')].sort()).toEqual(['a', 'b']);
    expect(upstreamOf(deps, 'a').size).toBe(0);
  });
});

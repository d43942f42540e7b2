import { describe, expect, it } from 'vitest';
import { manifestGraph, schemaFields, stepActionOf, stepDetail } from './manifest-graph';

const workflow = {
  input: {
    type: 'object',
    required: ['service'],
    properties: { service: { type: 'string', description: 'what to deploy' }, env: { enum: ['a', 'b'] }, n: { type: ['integer', 'null'] }, x: true },
  },
  steps: [
    { id: 'build', run: 'make' },
    { id: 'test', run: 'make test', needs: [{ step: 'build' }] },
    { id: 'wait', sleep: '15m', needs: [{ step: 'test' }] },
    { id: 'notify', hook: {}, needs: [{ step: 'test', when: 'on_failure' as const }] },
  ],
};

describe('manifestGraph', () => {
  it('lays steps out in layers by their needs, keeping conditions', () => {
    const g = manifestGraph(workflow);
    const x = Object.fromEntries(g.nodes.map((n) => [n.id, n.x]));
    expect(x.build).toBe(0);
    expect(x.test).toBeGreaterThan(x.build as number);
    expect(x.wait).toBe(x.notify);
    expect(g.edges).toContainEqual({ source: 'build', target: 'test', when: 'on_success' });
    expect(g.edges).toContainEqual({ source: 'test', target: 'notify', when: 'on_failure' });
    expect(g.width).toBeGreaterThan(0);
    expect(g.height).toBeGreaterThanOrEqual(2 * g.nodeHeight);
  });
  it('ignores needs on unknown steps', () => {
    expect(manifestGraph({ input: {}, steps: [{ id: 'a', run: 'x', needs: [{ step: 'zz' }] }] }).edges).toEqual([]);
  });
});

describe('stepActionOf and stepDetail', () => {
  it('say what a step does', () => {
    expect(stepActionOf({ id: 'a', run: 'ls' })).toBe('run');
    expect(stepDetail({ id: 'a', run: 'ls' })).toBe('ls');
    expect(stepDetail({ id: 'a', sleep: '2h' })).toBe('sleep 2h');
    expect(stepActionOf({ id: 'a', hook: {} })).toBe('hook');
    expect(stepDetail({ id: 'a', hook: { description: 'approval' } })).toBe('approval');
    expect(stepDetail({ id: 'a', hook: {} })).toBe('waits for an external call');
  });
});

describe('schemaFields', () => {
  it('lists top-level fields with type and required-ness', () => {
    expect(schemaFields(workflow.input)).toEqual([
      { name: 'service', type: 'string', required: true, description: 'what to deploy' },
      { name: 'env', type: 'enum (2)', required: false, description: null },
      { name: 'n', type: 'integer | null', required: false, description: null },
      { name: 'x', type: 'any', required: false, description: null },
    ]);
    expect(schemaFields({})).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGraphModel, countByStatus, edgeId, type GraphRunSource, graphStructureKey } from './graph-model';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

function run(overrides: Partial<GraphRunSource> = {}): GraphRunSource {
  return {
    nodes: [
      { nodeId: 'build', action: 'run', status: 'success', attempt: 1, needs: [] },
      { nodeId: 'test', action: 'run', status: 'failed', attempt: 2, needs: [{ step: 'build', when: 'on_success' }] },
      { nodeId: 'notify', action: 'run', status: 'running', attempt: 1, needs: [{ step: 'test', when: 'on_failure' }] },
      { nodeId: 'approve', action: 'hook', status: 'running', attempt: 1, needs: [{ step: 'build', when: 'on_success' }] },
    ],
    edges: [{ from: 'build', to: 'test', digest: D1, stale: true, producerDigest: D2, fileCount: 2, totalSize: 10 }],
    waiting: { kind: 'hook', nodeId: 'approve' },
    ...overrides,
  };
}

describe('buildGraphModel', () => {
  it('makes a node per step, marking the one the run waits on', () => {
    const model = buildGraphModel(run());
    expect(model.nodes.map((n) => [n.id, n.status, n.waiting])).toEqual([
      ['build', 'success', null],
      ['test', 'failed', null],
      ['notify', 'running', null],
      ['approve', 'running', 'hook'],
    ]);
  });

  it('merges an artifact into the dependency edge of the same pair and keeps conditions', () => {
    const model = buildGraphModel(run());
    expect(model.edges).toEqual([
      {
        id: edgeId('build', 'test'),
        source: 'build',
        target: 'test',
        condition: 'on_success',
        artifact: { digest: D1, stale: true, producerDigest: D2, fileCount: 2, totalSize: 10 },
      },
      { id: 'test->notify', source: 'test', target: 'notify', condition: 'on_failure', artifact: null },
      { id: 'build->approve', source: 'build', target: 'approve', condition: 'on_success', artifact: null },
    ]);
  });

  it('adds an artifact-only edge when no dependency joins the nodes', () => {
    const model = buildGraphModel(
      run({ edges: [{ from: 'build', to: 'notify', digest: D1, stale: false, producerDigest: D1, fileCount: null, totalSize: null }] }),
    );
    expect(model.edges.find((e) => e.id === 'build->notify')).toMatchObject({ condition: null, artifact: { digest: D1, stale: false } });
  });

  it('ignores needs and stagings that name unknown nodes or the node itself', () => {
    const model = buildGraphModel({
      nodes: [
        {
          nodeId: 'a',
          action: 'run',
          status: 'pending',
          attempt: 0,
          needs: [
            { step: 'ghost', when: 'on_success' },
            { step: 'a', when: 'on_success' },
          ],
        },
      ],
      edges: [{ from: 'ghost', to: 'a', digest: D1, stale: true, producerDigest: null, fileCount: null, totalSize: null }],
      waiting: null,
    });
    expect(model.edges).toEqual([]);
  });
});

describe('graphStructureKey', () => {
  it('changes with structure, not with status', () => {
    const a = buildGraphModel(run());
    const b = buildGraphModel(run({ nodes: run().nodes.map((n) => ({ ...n, status: 'success' as const })) }));
    expect(graphStructureKey(a)).toBe(graphStructureKey(b));
    const c = buildGraphModel(run({ nodes: run().nodes.slice(0, 3) }));
    expect(graphStructureKey(c)).not.toBe(graphStructureKey(a));
  });
});

describe('countByStatus', () => {
  it('counts statuses', () => {
    expect(countByStatus(buildGraphModel(run()).nodes)).toEqual({ success: 1, failed: 1, running: 2 });
  });
});

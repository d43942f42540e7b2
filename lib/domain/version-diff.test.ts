import { describe, expect, it } from 'vitest';
import { stepSignature, type VersionManifest } from './manifest';
import { blastRadius, diffInputSchemas, diffManifests } from './version-diff';

const v1: VersionManifest = {
  workflows: {
    deploy: {
      input: { type: 'object', required: ['service'], properties: { service: { type: 'string' }, env: { type: 'string' } } },
      steps: [
        { id: 'build', run: 'make' },
        { id: 'ship', run: 'ship', needs: [{ step: 'build' }] },
      ],
    },
    etl: { input: {}, steps: [{ id: 'load', run: 'load' }] },
  },
};
const v2: VersionManifest = {
  workflows: {
    deploy: {
      input: { type: 'object', required: ['service', 'region'], properties: { service: { type: 'string' }, region: { type: 'string' } } },
      steps: [
        { id: 'build', run: 'make --release' },
        { id: 'ship', run: 'ship', needs: [{ step: 'build' }] },
      ],
    },
    backup: { input: {}, steps: [{ id: 'dump', run: 'dump' }] },
  },
};

describe('diffInputSchemas', () => {
  it('lists added, removed and newly required fields', () => {
    expect(diffInputSchemas(v1.workflows.deploy!.input, v2.workflows.deploy!.input)).toEqual({
      changed: true,
      addedFields: ['region'],
      removedFields: ['env'],
      changedFields: [],
      newlyRequired: ['region'],
      noLongerRequired: [],
    });
  });
});

describe('diffManifests', () => {
  it('classifies each workflow', () => {
    const diff = diffManifests(v1, v2);
    expect(diff.map((d) => [d.workflow, d.change])).toEqual([
      ['backup', 'added'],
      ['deploy', 'changed'],
      ['etl', 'removed'],
    ]);
    expect(diff.find((d) => d.workflow === 'deploy')?.steps.changed).toEqual(['build']);
  });
});

describe('blastRadius', () => {
  it('counts compatible runs per strategy and what they re-run', () => {
    const build = stepSignature(v1.workflows.deploy!.steps[0]!);
    const active = [
      { workflow: 'deploy', input: { service: 'a', region: 'eu' }, steps: [{ nodeId: 'build', status: 'success' as const, signature: build }] },
      { workflow: 'deploy', input: { service: 'b' }, steps: [] },
    ];
    const radius = blastRadius(active, v1, v2);
    const restart = radius.find((r) => r.strategy === 'restart')!;
    expect(restart).toMatchObject({ compatible: 1, incompatible: 1, reruns: [{ steps: ['build', 'ship'], runs: 1 }] });
    expect(restart.reasons[0]?.reason).toContain('/region');
    expect(radius.find((r) => r.strategy === 'resume')).toMatchObject({ compatible: 0, incompatible: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import type { StepDefinition } from './manifest';
import { artifactProducers } from './step-inputs';

const steps: StepDefinition[] = [
  { id: 'build', run: 'make', outputs: ['dist'] },
  { id: 'docs', run: 'make docs', outputs: ['site'] },
  { id: 'test', run: 'make test', needs: [{ step: 'build' }] },
  { id: 'package', run: 'tar', needs: [{ step: 'build' }, { step: 'test' }], outputs: ['pkg.tgz'] },
  { id: 'approve', hook: {}, needs: [{ step: 'package' }, { step: 'docs' }] },
  { id: 'wait', sleep: '1m', needs: [{ step: 'approve' }] },
  { id: 'publish', run: 'cp', needs: [{ step: 'wait' }] },
];

describe('artifactProducers', () => {
  it.each([
    ['build', []],
    ['test', ['build']],
    ['package', ['build']],
    ['approve', ['package', 'docs']],
    ['publish', ['package', 'docs']],
  ])('%s stages from %j', (step, expected) => {
    expect(artifactProducers(steps, step)).toEqual(expected);
  });

  it('lists a producer reached twice once', () => {
    const diamond: StepDefinition[] = [
      { id: 'a', run: 'x', outputs: ['a.txt'] },
      { id: 'b', run: 'x', needs: [{ step: 'a' }] },
      { id: 'c', run: 'x', needs: [{ step: 'a' }] },
      { id: 'd', run: 'x', needs: [{ step: 'b' }, { step: 'c' }, { step: 'a' }] },
    ];
    expect(artifactProducers(diamond, 'd')).toEqual(['a']);
  });
});

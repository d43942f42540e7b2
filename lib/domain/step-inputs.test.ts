import { describe, expect, it } from 'vitest';
import type { StepDefinition } from './manifest';
import { artifactProducers, stepContextDigest, upstreamSteps } from './step-inputs';

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

describe('upstreamSteps', () => {
  it('lists direct and indirect needs in manifest order', () => {
    expect(upstreamSteps(steps, 'publish')).toEqual(['build', 'docs', 'test', 'package', 'approve', 'wait']);
    expect(upstreamSteps(steps, 'test')).toEqual(['build']);
    expect(upstreamSteps(steps, 'build')).toEqual([]);
  });
});

describe('stepContextDigest', () => {
  const seen = { build: { status: 'success', output: { exitCode: 0, stdout: 'ok\n', durationMs: 120 }, error: null } };
  it('ignores durations and where a cached result came from', () => {
    const again = {
      build: { status: 'success', output: { exitCode: 0, stdout: 'ok\n', durationMs: 950, cachedFrom: { runId: 'run_x', nodeId: 'build' } }, error: null },
    };
    expect(stepContextDigest({ a: 1 }, again)).toBe(stepContextDigest({ a: 1 }, seen));
  });
  it('changes with the input, an upstream output or a hook payload', () => {
    const base = stepContextDigest({ a: 1 }, seen);
    expect(stepContextDigest({ a: 2 }, seen)).not.toBe(base);
    expect(stepContextDigest({ a: 1 }, { build: { ...seen.build, output: { exitCode: 0, stdout: 'other\n' } } })).not.toBe(base);
    const approved = (by: string) => ({ ...seen, approve: { status: 'success', output: { approvedBy: by }, error: null } });
    expect(stepContextDigest({ a: 1 }, approved('bob'))).not.toBe(stepContextDigest({ a: 1 }, approved('cy')));
  });
});

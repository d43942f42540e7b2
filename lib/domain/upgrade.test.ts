import { describe, expect, it } from 'vitest';
import { stepSignature, type WorkflowDefinition } from './manifest';
import {
  assertEventLogCompatibility,
  assertInputCompatibility,
  diffSteps,
  engineUpgradeReport,
  planPartialResume,
  type RecordedStep,
  upgradeReport,
} from './upgrade';

const input = { type: 'object', required: ['branch'], properties: { branch: { type: 'string' }, region: { type: 'string' } } };
const v1: WorkflowDefinition = {
  input,
  steps: [
    { id: 'build', run: 'make' },
    { id: 'test', run: 'make test', needs: [{ step: 'build' }] },
    { id: 'deploy', run: 'deploy', needs: [{ step: 'test' }] },
    { id: 'docs', run: 'make docs' },
  ],
};
const v2: WorkflowDefinition = {
  input: { ...input, required: ['branch', 'region'] },
  steps: [
    { id: 'build', run: 'make' },
    { id: 'test', run: 'make test --ci', needs: [{ step: 'build' }] },
    { id: 'deploy', run: 'deploy', needs: [{ step: 'test' }] },
    { id: 'docs', run: 'make docs' },
    { id: 'notify', run: 'notify' },
  ],
};
const sig = (wf: WorkflowDefinition, id: string) => stepSignature(wf.steps.find((s) => s.id === id)!);
const recorded = (statuses: Record<string, RecordedStep['status']>): RecordedStep[] =>
  Object.entries(statuses).map(([nodeId, status]) => ({ nodeId, status, signature: sig(v1, nodeId) }));

describe('assertInputCompatibility', () => {
  it.each([
    [{ branch: 'main', region: 'eu' }, true, []],
    [{ branch: 'main' }, false, ['/region']],
    [{ branch: 1 }, false, ['/branch', '/region']],
  ])('%j → ok %s', (value, ok, paths) => {
    const result = assertInputCompatibility(value, v2);
    expect(result.ok).toBe(ok);
    expect(result.problems.map((p) => p.path).sort()).toEqual(paths);
  });
});

describe('assertEventLogCompatibility', () => {
  it.each([
    ['only unchanged steps completed', { build: 'success', test: 'pending' }, v2, true, [], []],
    ['a changed step completed', { build: 'success', test: 'success', deploy: 'running' }, v2, false, [], ['test']],
    ['a removed step completed', { build: 'success', docs: 'success' }, { ...v2, steps: v2.steps.filter((s) => s.id !== 'docs') }, false, ['docs'], []],
  ] as const)('%s', (_n, statuses, target, ok, missing, changed) => {
    const r = assertEventLogCompatibility(recorded(statuses), target as WorkflowDefinition);
    expect(r.ok).toBe(ok);
    expect(r.missing).toEqual(missing);
    expect(r.changed.map((c) => c.step)).toEqual(changed);
  });
});

describe('planPartialResume', () => {
  it('reuses completed steps whose signature and upstream are unchanged, re-runs the rest', () => {
    const plan = planPartialResume(recorded({ build: 'success', test: 'success', deploy: 'success', docs: 'success' }), v2);
    expect(plan.reuse.sort()).toEqual(['build', 'docs']);
    expect(plan.rerun.sort()).toEqual(['deploy', 'notify', 'test']);
  });
  it('does not reuse a step downstream of one that re-runs even if it is unchanged', () => {
    const plan = planPartialResume(recorded({ build: 'pending', test: 'success' }), v1);
    expect(plan.reuse).toEqual([]);
  });
  it('reuses everything completed when nothing changed', () => {
    expect(planPartialResume(recorded({ build: 'success', test: 'failed', deploy: 'skipped' }), v1).reuse).toEqual(['build', 'test', 'deploy']);
  });
});

describe('diffSteps and upgradeReport', () => {
  it('diffSteps lists added, removed, changed and unchanged steps', () => {
    expect(diffSteps(v1, v2)).toEqual({ added: ['notify'], removed: [], changed: ['test'], unchanged: ['build', 'deploy', 'docs'] });
  });
  it('restart is compatible when the input passes; resume is not when a completed step changed', () => {
    const run = { input: { branch: 'main', region: 'eu' }, steps: recorded({ build: 'success', test: 'success' }), workflow: v1 };
    expect(upgradeReport('restart', run, v2)).toMatchObject({ compatible: true, reuse: [], rerun: ['build', 'test', 'deploy', 'docs', 'notify'] });
    const resume = upgradeReport('resume', run, v2);
    expect(resume.compatible).toBe(false);
    expect(resume.reasons).toEqual(['completed step "test" changed in the target']);
    expect(upgradeReport('partial-resume', run, v2)).toMatchObject({ compatible: true, reuse: ['build'] });
  });
  it('reports failing input fields and a missing workflow', () => {
    const run = { input: { branch: 'main' }, steps: [], workflow: v1 };
    expect(upgradeReport('restart', run, v2).reasons).toEqual(["input /region: must have required property 'region'"]);
    expect(upgradeReport('restart', run, undefined)).toMatchObject({ compatible: false, reasons: ['the target version has no such workflow'] });
  });
});

describe('engineUpgradeReport', () => {
  const limits = { resume: 'cannot carry the event log', inputSchema: 'no input schema' };
  const sdk: WorkflowDefinition = {
    input: {},
    steps: [
      { id: 'fetchOrder', run: 'step//fetchOrder' },
      { id: 'chargeCard', run: 'step//chargeCard' },
    ],
  };
  const steps: RecordedStep[] = [{ nodeId: 'fetchOrder', status: 'success', signature: 'x' }];

  it('offers a restart that re-runs every step and says the input could not be checked', () => {
    const r = engineUpgradeReport('restart', { input: ['ord_1'], steps, workflow: sdk }, sdk, limits);
    expect(r.compatible).toBe(true);
    expect(r.rerun).toEqual(['fetchOrder', 'chargeCard']);
    expect(r.reuse).toEqual([]);
    expect(r.notes).toEqual(['no input schema']);
    expect(r.input.checked).toBe(false);
  });

  it('refuses resume and partial resume with the reason', () => {
    for (const strategy of ['resume', 'partial-resume'] as const) {
      const r = engineUpgradeReport(strategy, { input: [], steps, workflow: sdk }, sdk, limits);
      expect(r.compatible).toBe(false);
      expect(r.reasons).toEqual(['cannot carry the event log']);
    }
  });

  it('checks the input where the target publishes a schema', () => {
    const r = engineUpgradeReport('restart', { input: {}, steps, workflow: v1 }, v1, limits);
    expect(r.compatible).toBe(false);
    expect(r.reasons[0]).toMatch(/branch/);
    expect(r.notes).toEqual([]);
  });
});

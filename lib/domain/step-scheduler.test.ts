import { describe, expect, it } from 'vitest';
import type { NodeStatus } from './node-status';
import { type SchedulableStep, scheduleSteps } from './step-scheduler';

/** build → test → (package on success | report on failure); notify on_skipped of package. */
const PIPELINE: SchedulableStep[] = [
  { id: 'build' },
  { id: 'lint' },
  { id: 'test', needs: [{ step: 'build' }] },
  { id: 'package', needs: [{ step: 'test', when: 'on_success' }, { step: 'lint' }] },
  { id: 'report', needs: [{ step: 'test', when: 'on_failure' }] },
  { id: 'notify', needs: [{ step: 'package', when: 'on_skipped' }] },
];

type Row = [name: string, statuses: Record<string, NodeStatus>, ready: string[], skipped: string[], done: null | 'success' | 'failed'];

const table: Row[] = [
  ['nothing ran: roots are ready', {}, ['build', 'lint'], [], null],
  ['running roots: nothing new', { build: 'running', lint: 'running' }, [], [], null],
  ['build done, lint running: test ready', { build: 'success', lint: 'running' }, ['test'], [], null],
  ['test passed, lint still running: package waits', { build: 'success', lint: 'running', test: 'success' }, [], ['report'], null],
  ['test passed and lint passed: package ready, report skipped', { build: 'success', lint: 'success', test: 'success' }, ['package'], ['report'], null],
  [
    'test failed: report ready; package skipped at once; notify ready by on_skipped',
    { build: 'success', lint: 'running', test: 'failed' },
    ['report', 'notify'],
    ['package'],
    null,
  ],
  ['build failed: the whole chain is skipped, build failure unhandled', { build: 'failed', lint: 'success' }, ['notify'], ['test', 'package', 'report'], null],
  [
    'all done after a handled failure: success',
    { build: 'success', lint: 'success', test: 'failed', package: 'skipped', report: 'success', notify: 'success' },
    [],
    [],
    'success',
  ],
  [
    'an unhandled failure fails the run',
    { build: 'failed', lint: 'success', test: 'skipped', package: 'skipped', report: 'skipped', notify: 'success' },
    [],
    [],
    'failed',
  ],
  [
    'a handled failure whose handler failed: failed',
    { build: 'success', lint: 'success', test: 'failed', package: 'skipped', report: 'failed', notify: 'success' },
    [],
    [],
    'failed',
  ],
  [
    'every step succeeded except notify, skipped: success',
    { build: 'success', lint: 'success', test: 'success', package: 'success', report: 'skipped' },
    [],
    ['notify'],
    'success',
  ],
  [
    'a cancelled step fails the run once all are terminal',
    { build: 'cancelled', lint: 'success', test: 'skipped', package: 'skipped', report: 'skipped', notify: 'skipped' },
    [],
    [],
    'failed',
  ],
];

describe('scheduleSteps', () => {
  it.each(table)('%s', (_name, statuses, ready, skipped, done) => {
    const decision = scheduleSteps(PIPELINE, statuses);
    expect(decision.ready).toEqual(ready);
    expect(decision.skip.map((s) => s.step)).toEqual(skipped);
    expect(decision.done?.result ?? null).toBe(done);
  });

  it('says why a step is skipped', () => {
    const { skip } = scheduleSteps(PIPELINE, { build: 'failed', lint: 'success' });
    expect(skip[0]).toEqual({ step: 'test', reason: '"build" ended failed; condition on_success' });
  });

  it('names the unhandled failures', () => {
    const { done } = scheduleSteps([{ id: 'a' }, { id: 'b' }], { a: 'failed', b: 'success' });
    expect(done).toEqual({ result: 'failed', failed: ['a'] });
  });

  it('waits for waiting steps (a sleep or hook is running)', () => {
    const steps: SchedulableStep[] = [{ id: 'a' }, { id: 'nap', needs: [{ step: 'a' }] }, { id: 'b', needs: [{ step: 'nap' }] }];
    expect(scheduleSteps(steps, { a: 'success', nap: 'running' })).toEqual({ ready: [], skip: [], done: null });
    expect(scheduleSteps(steps, { a: 'success', nap: 'success' }).ready).toEqual(['b']);
  });

  it('skips a step that needs an unknown step', () => {
    const { skip, ready } = scheduleSteps([{ id: 'a', needs: [{ step: 'ghost' }] }], {});
    expect(ready).toEqual([]);
    expect(skip).toEqual([{ step: 'a', reason: 'needs unknown step "ghost"' }]);
  });

  it('treats an empty workflow as done with success', () => {
    expect(scheduleSteps([], {})).toEqual({ ready: [], skip: [], done: { result: 'success', failed: [] } });
  });

  it('leaves reused (already successful) steps alone', () => {
    const steps: SchedulableStep[] = [{ id: 'a' }, { id: 'b', needs: [{ step: 'a' }] }];
    expect(scheduleSteps(steps, { a: 'success' })).toEqual({ ready: ['b'], skip: [], done: null });
  });
});

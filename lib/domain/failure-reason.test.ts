import { describe, expect, it } from 'vitest';
import { errorMessage, failingStep, failureReason, oneLine, runFailure, setupErrorMessage, stepFailureReason, stepsOf } from './failure-reason';

const failedRun = { phase: 'finished' as const, result: 'failed' as const, error: null, setupErrors: null };
const step = (nodeId: string, status: 'failed' | 'success', finishedAt: string | null, error: unknown = null) => ({ nodeId, status, finishedAt, error });

describe('errorMessage', () => {
  it('reads the message of an error of any shape', () => {
    expect(errorMessage(null)).toBeNull();
    expect(errorMessage('  boom ')).toBe('boom');
    expect(errorMessage({ message: 'UPGRADE FAILED: pods api-7d9c failed readiness probe' })).toBe('UPGRADE FAILED: pods api-7d9c failed readiness probe');
    expect(errorMessage({ name: 'TimeoutError', message: 'took 30s' })).toBe('TimeoutError: took 30s');
    expect(errorMessage({ name: 'Error', message: 'plain' })).toBe('plain');
    expect(errorMessage({ error: { message: 'nested' } })).toBe('nested');
    expect(errorMessage({ exitCode: 2 })).toBe('{"exitCode":2}');
    expect(errorMessage(['a'])).toBe('["a"]');
  });
});

describe('oneLine', () => {
  it('flattens whitespace and cuts with an ellipsis', () => {
    expect(oneLine('a\n  b\tc')).toBe('a b c');
    const long = oneLine('x'.repeat(300));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('setupErrorMessage and stepFailureReason', () => {
  it('word setup errors and step failures', () => {
    expect(setupErrorMessage([])).toBe('setup failed');
    expect(setupErrorMessage(['input.branch: required'])).toBe('input.branch: required');
    expect(setupErrorMessage(['a', 'b'])).toBe('• a\n• b');
    expect(stepFailureReason('deploy', 'exit 1')).toBe('deploy: exit 1');
    expect(stepFailureReason(null, null)).toBe('failed');
  });
});

describe('failingStep', () => {
  it('is the first failed step by finish time, unfinished ones last', () => {
    expect(failingStep([step('a', 'success', '2026-01-01T00:00:00Z')])).toBeNull();
    const steps = [step('b', 'failed', '2026-01-01T00:00:02Z'), step('c', 'failed', null), step('a', 'failed', '2026-01-01T00:00:01Z')];
    expect(failingStep(steps)?.nodeId).toBe('a');
    expect(failingStep([step('z', 'failed', '2026-01-01T00:00:01Z'), step('y', 'failed', '2026-01-01T00:00:01Z')])?.nodeId).toBe('y');
  });
});

describe('runFailure and failureReason', () => {
  it('names the failing step and its message', () => {
    const steps = [step('build', 'success', '2026-01-01T00:00:01Z'), step('deploy', 'failed', '2026-01-01T00:00:02Z', { message: 'readiness probe failed' })];
    expect(runFailure(failedRun, steps)).toEqual({ nodeId: 'deploy', message: 'readiness probe failed' });
    expect(failureReason(failedRun, steps)).toBe('deploy: readiness probe failed');
  });
  it("falls back to the run's error, then to a plain word", () => {
    expect(runFailure({ ...failedRun, error: { message: 'engine crashed' } }, [])).toEqual({ nodeId: null, message: 'engine crashed' });
    expect(runFailure(failedRun, [step('t', 'failed', null)])).toEqual({ nodeId: 't', message: 'the step failed' });
    expect(runFailure(failedRun, [])).toEqual({ nodeId: null, message: 'the run failed' });
  });
  it('reads setup errors, and nothing for a run that did not fail', () => {
    const setup = { phase: 'setuperror' as const, result: 'unknown' as const, error: null, setupErrors: ['input.branch: required'] };
    expect(runFailure(setup, [])).toEqual({ nodeId: null, message: 'input.branch: required' });
    expect(failureReason(setup, [])).toBe('input.branch: required');
    expect(runFailure({ ...failedRun, result: 'success' }, [])).toBeNull();
    expect(failureReason({ ...failedRun, phase: 'running' }, [step('x', 'failed', null)])).toBeNull();
  });
});

describe('stepsOf', () => {
  it('turns a state machine node map into step facts', () => {
    expect(stepsOf({ a: { status: 'failed', finishedAt: null, error: 'x' } })).toEqual([{ nodeId: 'a', status: 'failed', finishedAt: null, error: 'x' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { jobPollInterval, jobProgress } from './job-progress';

describe('jobProgress', () => {
  it('counts every outcome as settled', () => {
    expect(jobProgress({ status: 'running', total: 10, done: 3, failed: 1, skipped: 1 })).toEqual({ settled: 5, pending: 5, percent: 50, finished: false });
  });
  it('rounds down, so 100% means all settled', () => {
    expect(jobProgress({ status: 'running', total: 3, done: 2, failed: 0, skipped: 0 }).percent).toBe(66);
    expect(jobProgress({ status: 'done', total: 3, done: 3, failed: 0, skipped: 0 })).toMatchObject({ percent: 100, finished: true });
  });
  it('an empty job is complete', () => {
    expect(jobProgress({ status: 'done', total: 0, done: 0, failed: 0, skipped: 0 })).toEqual({ settled: 0, pending: 0, percent: 100, finished: true });
  });
});

describe('jobPollInterval', () => {
  it('polls until the job is known and while it runs', () => {
    expect(jobPollInterval(undefined)).toBe(1_000);
    expect(jobPollInterval('running', 500)).toBe(500);
    expect(jobPollInterval('done')).toBe(false);
    expect(jobPollInterval('failed')).toBe(false);
  });
});

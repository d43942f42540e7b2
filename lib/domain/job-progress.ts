import type { JobItemStatus, JobStatus } from './job-status';

export const JOB_STATUS_LABELS: Record<JobStatus, string> = { running: 'Running', done: 'Done', failed: 'Failed' };

export const JOB_ITEM_STATUS_LABELS: Record<JobItemStatus, string> = {
  pending: 'Pending',
  upgraded: 'Upgraded',
  failed: 'Incompatible',
  skipped: 'Skipped',
};

export interface JobCounts {
  status: JobStatus;
  total: number;
  done: number;
  failed: number;
  skipped: number;
}

export interface JobProgress {
  /** Runs with an outcome (upgraded, failed or skipped). */
  settled: number;
  pending: number;
  /** 0–100, whole numbers; 100 for a job with nothing to do. */
  percent: number;
  finished: boolean;
}

export function jobProgress(job: JobCounts): JobProgress {
  const settled = Math.min(job.total, job.done + job.failed + job.skipped);
  const percent = job.total === 0 ? 100 : Math.floor((settled / job.total) * 100);
  return { settled, pending: job.total - settled, percent, finished: job.status !== 'running' };
}

/** How often a job is polled: while it runs, never after. */
export function jobPollInterval(status: JobStatus | undefined, everyMs = 1_000): number | false {
  return status === undefined || status === 'running' ? everyMs : false;
}

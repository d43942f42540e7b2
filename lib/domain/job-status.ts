/** Bulk operation jobs and the outcome of each run in them. */
export const JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_ITEM_STATUSES = ['pending', 'upgraded', 'failed', 'skipped'] as const;
export type JobItemStatus = (typeof JOB_ITEM_STATUSES)[number];

export const UPGRADE_STRATEGIES = ['restart', 'resume', 'partial-resume'] as const;
export type UpgradeStrategy = (typeof UPGRADE_STRATEGIES)[number];

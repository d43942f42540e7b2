import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { jobItems, jobs } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { JobItemStatus, JobStatus, UpgradeStrategy } from '@/lib/domain/job-status';
import { iso } from './dto';

export interface JobDetail {
  id: string;
  kind: 'bulk_upgrade';
  status: JobStatus;
  actor: string;
  versionId: string;
  targetVersionId: string;
  strategy: UpgradeStrategy;
  filter: Record<string, unknown>;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  items: { runId: string; status: JobItemStatus; newRunId: string | null; reason: string | null }[];
  itemsTruncated: boolean;
}

const ITEM_LIMIT = 1_000;

/** A bulk job with its progress and the outcome of each run (the first thousand). */
export async function getJob(db: Db, id: string): Promise<JobDetail> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!job) throw notFound('job', id);
  const items = await db
    .select({ runId: jobItems.runId, status: jobItems.status, newRunId: jobItems.newRunId, reason: jobItems.reason })
    .from(jobItems)
    .where(eq(jobItems.jobId, id))
    .orderBy(asc(jobItems.runId))
    .limit(ITEM_LIMIT + 1);
  const { error: _error, createdAt, updatedAt, finishedAt, ...rest } = job;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    finishedAt: iso(finishedAt),
    items: items.slice(0, ITEM_LIMIT),
    itemsTruncated: items.length > ITEM_LIMIT,
  };
}

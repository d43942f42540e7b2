import { asc, eq } from 'drizzle-orm';
import type { JobDetail } from '@/lib/contract/jobs';
import type { Db } from '@/lib/db/client';
import { jobItems, jobs } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import { iso } from './dto';

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

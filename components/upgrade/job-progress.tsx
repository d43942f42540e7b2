'use client';

import { ArrowRight, LoaderCircle } from 'lucide-react';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Callout } from '@/components/ui/callout';
import { Progress } from '@/components/ui/progress';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api/fetch-json';
import { useJob } from '@/lib/api/hooks/use-job';
import { shortId } from '@/lib/domain/id-format';
import { JOB_ITEM_STATUS_LABELS, jobProgress } from '@/lib/domain/job-progress';
import type { JobItemStatus } from '@/lib/domain/job-status';
import { routes } from '@/lib/routes';

const ITEM_TONES: Record<JobItemStatus, BadgeTone> = { pending: 'neutral', upgraded: 'success', failed: 'danger', skipped: 'warning' };
const SHOWN = 50;

/** A bulk job's live progress: the bar, the counts, and each run's outcome (old run → new run, or why not). */
export function JobProgress({ jobId }: { jobId: string }) {
  const { data: job, error } = useJob(jobId);
  if (!job) {
    return error ? (
      <QueryError what="the job" message={isApiError(error) ? error.message : 'The server could not be reached.'} />
    ) : (
      <p role="status" className="flex items-center gap-2 text-muted-foreground">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Starting…
      </p>
    );
  }
  const p = jobProgress(job);
  const items = job.items.filter((i) => i.status !== 'pending');
  return (
    <div className="space-y-3" data-testid="job-progress" data-status={job.status}>
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="flex items-center gap-2 font-medium">
          {!p.finished && <LoaderCircle aria-hidden className="size-4 animate-spin text-primary" />}
          {p.finished ? 'Finished' : 'Upgrading…'}
        </span>
        <span className="text-muted-foreground tabular-nums" data-testid="job-settled">
          {p.settled.toLocaleString('en-US')} / {job.total.toLocaleString('en-US')}
        </span>
      </div>
      <Progress value={p.percent} label="Upgrade progress" tone={p.finished && job.failed + job.skipped > 0 ? 'warning' : p.finished ? 'success' : 'primary'} />
      <div className="flex flex-wrap gap-2">
        <Badge tone="success" data-testid="job-done">
          {job.done.toLocaleString('en-US')} upgraded
        </Badge>
        <Badge tone={job.failed ? 'danger' : 'neutral'}>{job.failed.toLocaleString('en-US')} incompatible</Badge>
        <Badge tone={job.skipped ? 'warning' : 'neutral'}>{job.skipped.toLocaleString('en-US')} skipped</Badge>
        {p.pending > 0 && <Badge tone="neutral">{p.pending.toLocaleString('en-US')} pending</Badge>}
      </div>
      {p.finished && (
        <Callout tone={job.failed + job.skipped > 0 ? 'warning' : 'success'} data-testid="job-finished">
          Each upgraded run is paused until its new run starts on the target, then cancelled. A draining version becomes sunset when none of its runs is active
          any more.
        </Callout>
      )}
      {items.length > 0 && (
        <ul className="max-h-56 divide-y overflow-y-auto rounded-lg border" data-testid="job-items">
          {items.slice(0, SHOWN).map((item) => (
            <li key={item.runId} className="flex flex-wrap items-center gap-2 px-3 py-1.5 text-xs" data-testid="job-item" data-status={item.status}>
              <Badge tone={ITEM_TONES[item.status]}>{JOB_ITEM_STATUS_LABELS[item.status]}</Badge>
              <Link href={routes.run(item.runId)} className="font-mono text-primary hover:underline" title={item.runId}>
                {shortId(item.runId, 6, 4)}
              </Link>
              {item.newRunId && (
                <>
                  <ArrowRight aria-hidden className="size-3 text-muted-foreground" />
                  <Link href={routes.run(item.newRunId)} className="font-mono text-primary hover:underline" title={item.newRunId}>
                    {shortId(item.newRunId, 6, 4)}
                  </Link>
                </>
              )}
              {item.reason && (
                <span className="min-w-0 flex-1 truncate text-muted-foreground" title={item.reason}>
                  {item.reason}
                </span>
              )}
            </li>
          ))}
          {items.length > SHOWN && <li className="px-3 py-1.5 text-xs text-muted-foreground">and {(items.length - SHOWN).toLocaleString('en-US')} more</li>}
        </ul>
      )}
    </div>
  );
}

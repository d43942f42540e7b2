import { CalendarClock, Hourglass, Webhook } from 'lucide-react';
import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import { Timestamp } from '@/components/ui/timestamp';
import { DRAIN_STATE_LABELS, DRAIN_STATES, type DrainReport } from '@/lib/domain/drain';
import { drainStatePhases } from '@/lib/domain/drain-links';
import { shortId } from '@/lib/domain/id-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

export type DrainCounts = Pick<DrainReport, 'versionId' | 'total' | 'counts' | 'samples' | 'earliestWake' | 'latestWake' | 'oldestHookSince'>;

/**
 * The active runs that tie a version down, by state; each count opens the run list filtered to the
 * version and that state's phases; a few sample runs of each; the wake and hook times to expect.
 */
export function DrainBreakdown({ report, samplesPerState = 3, compact = false }: { report: DrainCounts; samplesPerState?: number; compact?: boolean }) {
  return (
    <div className="space-y-3" data-testid="drain-breakdown">
      <ul className={cn('grid gap-2', compact ? 'grid-cols-5' : 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-5')}>
        {DRAIN_STATES.map((state) => {
          const n = report.counts[state];
          const samples = report.samples[state].slice(0, samplesPerState);
          return (
            <li key={state} data-testid="drain-count" data-state={state} className={cn('rounded-lg border bg-card px-3 py-2.5', n === 0 && 'opacity-60')}>
              <Link
                href={routes.runs({ version: report.versionId, phase: drainStatePhases(state) })}
                className="group block"
                aria-label={`${n} ${DRAIN_STATE_LABELS[state]} — open these runs`}
              >
                <span className={cn('block font-semibold tabular-nums group-hover:text-primary', compact ? 'text-lg' : 'text-2xl')}>
                  {n.toLocaleString('en-US')}
                </span>
                <span className="block text-xs text-muted-foreground group-hover:text-foreground">{DRAIN_STATE_LABELS[state]}</span>
              </Link>
              {!compact && samples.length > 0 && (
                <ul className="mt-2 space-y-0.5 border-t pt-2">
                  {samples.map((id) => (
                    <li key={id}>
                      <Link href={routes.run(id)} className="font-mono text-[11px] text-primary hover:underline" title={id}>
                        {shortId(id, 6, 4)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {(report.earliestWake || report.oldestHookSince) && (
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {report.earliestWake && (
            <div className="flex items-start gap-2">
              <Hourglass aria-hidden className="mt-0.5 size-4 text-muted-foreground" />
              <div>
                <dt className="text-xs text-muted-foreground">Earliest wake</dt>
                <dd>
                  <Timestamp iso={report.earliestWake} /> · <RelativeTime iso={report.earliestWake} className="text-muted-foreground" />
                </dd>
              </div>
            </div>
          )}
          {report.latestWake && (
            <div className="flex items-start gap-2">
              <CalendarClock aria-hidden className="mt-0.5 size-4 text-muted-foreground" />
              <div>
                <dt className="text-xs text-muted-foreground">Latest wake</dt>
                <dd data-testid="latest-wake">
                  <Timestamp iso={report.latestWake} /> · <RelativeTime iso={report.latestWake} className="text-muted-foreground" />
                </dd>
              </div>
            </div>
          )}
          {report.oldestHookSince && (
            <div className="flex items-start gap-2">
              <Webhook aria-hidden className="mt-0.5 size-4 text-muted-foreground" />
              <div>
                <dt className="text-xs text-muted-foreground">Oldest hook waiting since</dt>
                <dd>
                  <Timestamp iso={report.oldestHookSince} /> · <RelativeTime iso={report.oldestHookSince} className="text-muted-foreground" />
                </dd>
              </div>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}

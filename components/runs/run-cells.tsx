'use client';

import { ArrowUpRight, Hourglass, Moon, Webhook } from 'lucide-react';
import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';
import type { RunListItem } from '@/lib/contract/runs';
import { shortId } from '@/lib/domain/id-format';
import { runDurationText, waitingText } from '@/lib/domain/run-list-status';
import { isActive } from '@/lib/domain/run-phase';
import { RUN_SOURCE_LABELS } from '@/lib/domain/run-source';
import { formatRelative, formatTimestamp } from '@/lib/domain/time-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { FailureReason } from './failure-reason';
import { useRunClock } from './run-clock';
import { RunStatusBadge } from './run-status-badge';

/**
 * An id shown short (`01JDF3K2…2XK9`: the column names the kind, the start is the creation time, the end
 * tells neighbours apart) whose text is still the whole id: the prefix and the middle are only shrunk
 * to nothing, so selecting and copying it gives the full id, and so does the hover title.
 */
export function ShortId({ id, head = 8, tail = 4 }: { id: string; head?: number; tail?: number }) {
  if (shortId(id, head, tail) === id) return <>{id}</>;
  const start = id.indexOf('_') + 1;
  const cut = start + head;
  return (
    <>
      <span className="text-[0px]">{id.slice(0, start)}</span>
      {id.slice(start, cut)}
      <span className="text-[0px]">{id.slice(cut, id.length - tail)}</span>
      <span aria-hidden className="text-muted-foreground/70 after:content-['…']" />
      {id.slice(id.length - tail)}
    </>
  );
}

export function RunIdCell({ id }: { id: string }) {
  return (
    <div className="relative flex items-center">
      <Link
        href={routes.run(id)}
        prefetch={false}
        title={id}
        aria-label={id}
        data-testid="run-id"
        className="truncate rounded-sm font-mono text-xs text-foreground/90 hover:text-primary hover:underline"
      >
        <ShortId id={id} />
      </Link>
      <CopyButton
        value={id}
        label="Copy run id"
        className="absolute -right-1 border bg-card opacity-0 shadow-xs group-hover/row:opacity-100 focus-visible:opacity-100"
      />
    </div>
  );
}

export function RunStatusCell({ run }: { run: RunListItem }) {
  return (
    <div className="flex min-w-0 flex-col items-start gap-0.5">
      <RunStatusBadge phase={run.phase} result={run.result} />
      {run.waiting ? (
        <RunWaiting waiting={run.waiting} />
      ) : run.stranded ? (
        <span className="text-xs leading-4 text-warning">Stranded: its version was sunset</span>
      ) : run.upgradedTo ? (
        <UpgradeLink label="Upgraded to" id={run.upgradedTo} />
      ) : run.upgradedFrom ? (
        <UpgradeLink label="Upgrade of" id={run.upgradedFrom} />
      ) : run.failureReason ? (
        <FailureReason reason={run.failureReason} />
      ) : null}
    </div>
  );
}

function UpgradeLink({ label, id }: { label: string; id: string }) {
  return (
    <Link
      href={routes.run(id)}
      prefetch={false}
      title={`${label} ${id}`}
      className="flex max-w-full items-center gap-1 truncate text-xs leading-4 text-muted-foreground hover:text-primary"
    >
      <ArrowUpRight aria-hidden className="size-3 shrink-0" />
      <span className="truncate">
        {label} <span className="font-mono">{shortId(id, 6, 4).replace(/^run_/, '')}</span>
      </span>
    </Link>
  );
}

function RunWaiting({ waiting }: { waiting: NonNullable<RunListItem['waiting']> }) {
  const { now, timeZone } = useRunClock();
  const w = waitingText(waiting, now, timeZone);
  const at = waiting.kind === 'sleep' ? waiting.until : waiting.since;
  const Icon = waiting.kind === 'hook' ? Webhook : w.overdue ? Hourglass : Moon;
  const title =
    waiting.kind === 'sleep'
      ? `Step ${waiting.nodeId} sleeps until ${formatTimestamp(at, timeZone)}`
      : `Step ${waiting.nodeId} has waited for a hook call since ${formatTimestamp(at, timeZone)}`;
  return (
    <span
      data-testid="run-waiting"
      title={title}
      className={cn('flex max-w-full items-center gap-1 truncate text-xs leading-4', w.overdue ? 'text-warning' : 'text-muted-foreground')}
    >
      <Icon aria-hidden className="size-3 shrink-0" />
      <span className="truncate">{w.text}</span>
    </span>
  );
}

export function VersionCell({ id }: { id: string }) {
  return (
    <Link
      href={routes.version(id)}
      prefetch={false}
      title={id}
      aria-label={id}
      className="truncate rounded-sm font-mono text-xs text-muted-foreground hover:text-primary hover:underline"
    >
      <ShortId id={id} head={4} tail={4} />
    </Link>
  );
}

export function GroupCell({ path }: { path: string }) {
  const cut = path.lastIndexOf('/') + 1;
  return (
    <span title={path} className="block truncate">
      <span className="text-muted-foreground">{path.slice(0, cut)}</span>
      {path.slice(cut)}
    </span>
  );
}

export function CreatedCell({ at }: { at: string }) {
  const { now, timeZone } = useRunClock();
  return (
    <time dateTime={at} title={formatTimestamp(at, timeZone)} className="whitespace-nowrap text-muted-foreground">
      {formatRelative(at, now, timeZone)}
    </time>
  );
}

export function DurationCell({ run }: { run: RunListItem }) {
  const { now } = useRunClock();
  const text = runDurationText(run, now);
  if (text === null) {
    return (
      <span className="text-muted-foreground/60" title={isActive(run.phase) ? 'Not started yet' : 'Never started'}>
        —
      </span>
    );
  }
  return <span className={cn('font-mono text-xs tabular-nums', isActive(run.phase) ? 'text-foreground' : 'text-muted-foreground')}>{text}</span>;
}

/** The workflow's name; a run an engine's connector imported says where it comes from under it. */
export function WorkflowCell({ run }: { run: RunListItem }) {
  return (
    <div className="flex min-w-0 flex-col">
      <span title={run.workflow} className="block truncate font-medium">
        {run.workflow}
      </span>
      {run.source !== 'flowdeck' && (
        <span className="truncate text-xs leading-4 text-muted-foreground" data-testid="run-source">
          {RUN_SOURCE_LABELS[run.source]}
        </span>
      )}
    </div>
  );
}

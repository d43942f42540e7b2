'use client';

import { Hourglass, OctagonX, Send, TriangleAlert, Webhook } from 'lucide-react';
import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { Timestamp } from '@/components/ui/timestamp';
import { useNow } from '@/components/ui/use-now';
import type { RunDetail } from '@/lib/api/hooks/use-run';
import { runActions } from '@/lib/domain/run-actions';
import { ENGINE_ACTION_LABELS, ENGINE_LIMITS, isEngineSource, RUN_SOURCE_LABELS } from '@/lib/domain/run-source';
import { formatRelative } from '@/lib/domain/time-format';
import { cn } from '@/lib/utils/cn';
import { DeliverHookButton } from './deliver-hook-dialog';

const TONES = {
  info: 'border-info/25 bg-info-soft text-info',
  warning: 'border-warning/30 bg-warning-soft text-warning',
  danger: 'border-danger/25 bg-danger-soft text-danger',
} as const;

function Alert({ tone, icon, testId, children }: { tone: keyof typeof TONES; icon: ReactNode; testId: string; children: ReactNode }) {
  return (
    <div
      data-testid={testId}
      className={cn('flex gap-2.5 rounded-lg border px-3.5 py-2.5 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0', TONES[tone])}
    >
      {icon}
      <div className="min-w-0 flex-1 text-foreground">{children}</div>
    </div>
  );
}

const Step = ({ id }: { id: string }) => <code className="rounded bg-background/60 px-1 py-0.5 font-mono text-[12px]">{id}</code>;

/** Why an active run is idle (a sleep or a hook), its setup errors, and whether it was stranded. */
export function RunAlerts({ run }: { run: RunDetail }) {
  const now = useNow(15_000, { live: run.waiting !== null });
  const w = run.waiting;
  const open = run.actions.filter((a) => a.status === 'pending' || a.status === 'claimed');
  // A failure is news until the same action is asked again and carried out.
  const failed = run.actions.filter((a) => a.status === 'failed' && !run.actions.some((b) => b.kind === a.kind && b.createdAt > a.createdAt));
  const canHook = runActions({ phase: run.phase, upgradedTo: run.upgradedTo, waitingOn: w?.kind ?? null }).hook;
  if (!w && run.setupErrors.length === 0 && !run.stranded && open.length === 0 && failed.length === 0 && !run.admittedWhileDraining) return null;
  const engine = RUN_SOURCE_LABELS[run.source];
  return (
    <div className="space-y-2">
      {w?.kind === 'sleep' && (
        <Alert tone="info" icon={<Hourglass aria-hidden />} testId="run-waiting">
          Step <Step id={w.nodeId} /> is sleeping until <Timestamp iso={w.until} className="font-medium" />{' '}
          <span className="text-muted-foreground" suppressHydrationWarning>
            ({formatRelative(w.until, now)})
          </span>
        </Alert>
      )}
      {w?.kind === 'hook' && (
        <Alert tone="info" icon={<Webhook aria-hidden />} testId="run-waiting">
          <span className="inline-flex flex-wrap items-center gap-x-1">
            Step <Step id={w.nodeId} /> is awaiting hook
            <code className="font-mono text-[12px] font-medium">{w.token}</code>
            <CopyButton value={w.token} label="Copy hook token" className="size-5" />
            since <Timestamp iso={w.since} className="font-medium" />
            <span className="text-muted-foreground" suppressHydrationWarning>
              ({formatRelative(w.since, now)})
            </span>
            {canHook && (
              <span className="ml-2">
                <DeliverHookButton runId={run.id} token={w.token} source={run.source} />
              </span>
            )}
          </span>
        </Alert>
      )}
      {open.map((a) => (
        <Alert key={a.id} tone="info" icon={<Send aria-hidden />} testId="run-engine-action">
          <span className="font-medium">{ENGINE_ACTION_LABELS[a.kind]}</span> asked by {a.actor}{' '}
          <span className="text-muted-foreground" suppressHydrationWarning>
            ({formatRelative(a.createdAt, now)})
          </span>
          {' — '}
          {a.status === 'claimed'
            ? `the ${engine} connector ${a.claimedBy ?? ''} is carrying it out.`
            : `waiting for the ${engine} connector to carry it out in the app.`}
        </Alert>
      ))}
      {failed.map((a) => (
        <Alert key={a.id} tone="danger" icon={<OctagonX aria-hidden />} testId="run-engine-action-failed">
          <p className="font-medium">{ENGINE_ACTION_LABELS[a.kind]} failed in the app</p>
          <p className="mt-0.5 break-words text-muted-foreground">{a.error}</p>
        </Alert>
      ))}
      {run.admittedWhileDraining && isEngineSource(run.source) && (
        <Alert tone="warning" icon={<TriangleAlert aria-hidden />} testId="run-admitted-while-draining">
          This run started on a version that was already draining. {ENGINE_LIMITS.drain}
        </Alert>
      )}
      {run.setupErrors.length > 0 && (
        <Alert tone="danger" icon={<OctagonX aria-hidden />} testId="run-setup-errors">
          <p className="font-medium">The run could not be set up</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-muted-foreground">
            {run.setupErrors.map((e) => (
              <li key={e} className="break-words">
                {e}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {run.stranded && (
        <Alert tone="warning" icon={<TriangleAlert aria-hidden />} testId="run-stranded-note">
          This run is stranded: its version was sunset by force while the run was still active, so no address serves it any more. Upgrade it to a live version
          or cancel it.
        </Alert>
      )}
    </div>
  );
}

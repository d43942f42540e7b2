import { FileText, Hourglass, LoaderCircle, Scissors, TriangleAlert, WifiOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/api/fetch-json';
import type { LogTailState } from '@/lib/api/hooks/use-log-lines';
import type { LogCut } from '@/lib/contract/logs';
import { formatBytes } from '@/lib/domain/log-lines';
import { formatLineCount, logCutText } from '@/lib/domain/log-view';
import type { StepAction } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';

export const errorMessage = (error: unknown) => (isApiError(error) ? error.message : 'The server could not be reached.');

export function LogLoading() {
  return (
    <div role="status" aria-label="Loading the log" className="space-y-2 bg-card p-3">
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, a fixed list that never reorders
        <Skeleton key={i} className="h-3.5" style={{ width: `${40 + ((i * 37) % 55)}%` }} />
      ))}
    </div>
  );
}

function Empty({ icon, title, children }: { icon: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div data-testid="log-empty" className="flex flex-1 flex-col items-center justify-center gap-1.5 bg-card px-6 py-10 text-center [&>svg]:size-5">
      {icon}
      <p className="text-sm font-medium">{title}</p>
      {children && <p className="max-w-sm text-xs text-balance text-muted-foreground">{children}</p>}
    </div>
  );
}

const NO_LOG: Record<Exclude<StepAction, 'run'>, string> = {
  sleep: 'It is a sleep step: it waits, and runs no command.',
  hook: 'It is a hook step: it waits for a call from outside, and runs no command.',
};

/** Why there is nothing to show: a step kind without output, a step not started, output not arrived yet, or a silent attempt. */
export function LogEmpty({ action, status, live }: { action: StepAction; status: NodeStatus; live: boolean }) {
  if (action !== 'run')
    return (
      <Empty icon={<FileText aria-hidden className="text-muted-foreground" />} title="This step writes no log">
        {NO_LOG[action]}
      </Empty>
    );
  if (live)
    return (
      <Empty icon={<LoaderCircle aria-hidden className="animate-spin text-primary" />} title="No output yet">
        The step is running. Its lines appear here as it prints them.
      </Empty>
    );
  if (status === 'pending')
    return (
      <Empty icon={<Hourglass aria-hidden className="text-muted-foreground" />} title="The step has not started">
        Its log appears here once it runs.
      </Empty>
    );
  if (status === 'skipped' || status === 'cancelled')
    return (
      <Empty icon={<FileText aria-hidden className="text-muted-foreground" />} title={status === 'skipped' ? 'The step was skipped' : 'The step was cancelled'}>
        It printed nothing.
      </Empty>
    );
  return (
    <Empty icon={<FileText aria-hidden className="text-muted-foreground" />} title="No output">
      This attempt printed nothing to stdout or stderr.
    </Empty>
  );
}

/** The log was cut past its bound: how much is missing, and how much is shown. */
export function LogCutNote({ cut, kept }: { cut: LogCut; kept: { lines: number; bytes: number } }) {
  return (
    <p data-testid="log-cut" className="flex items-center gap-2 border-b border-warning/30 bg-warning-soft px-3 py-1.5 text-xs text-foreground/85">
      <Scissors aria-hidden className="size-3.5 shrink-0 text-warning" />
      <span>
        {logCutText(cut, kept)}. The first {formatLineCount(kept.lines)} ({formatBytes(kept.bytes)}) are below; the rest was not kept.
      </span>
    </p>
  );
}

/** A page or the live tail failed: what failed and a way to try again. */
export function LogProblem({ children, onRetry, icon = <TriangleAlert aria-hidden /> }: { children: ReactNode; onRetry?: () => void; icon?: ReactNode }) {
  return (
    <div
      role="alert"
      data-testid="log-error"
      className="flex items-center gap-2 border-b border-warning/30 bg-warning-soft px-3 py-1.5 text-xs text-foreground/85 [&>svg]:size-3.5 [&>svg]:shrink-0 [&>svg]:text-warning"
    >
      {icon}
      <span className="min-w-0 flex-1">{children}</span>
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}

/** What the live tail is doing, when it is not simply open. */
export function TailNote({ tail, onReconnect }: { tail: LogTailState; onReconnect: () => void }) {
  if (tail === 'reconnecting')
    return <LogProblem icon={<WifiOff aria-hidden />}>The live log lost its connection; reconnecting. Lines printed meanwhile will follow.</LogProblem>;
  if (tail === 'failed')
    return (
      <LogProblem icon={<WifiOff aria-hidden />} onRetry={onReconnect}>
        The live log was refused or stopped. Lines printed from now on appear after a retry.
      </LogProblem>
    );
  return null;
}

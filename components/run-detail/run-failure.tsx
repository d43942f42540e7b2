'use client';

import { ArrowRight, OctagonX } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { LogRow } from '@/components/logs/log-row';
import { AppLink } from '@/components/ui/app-link';
import type { RunFailure } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';

const NO_RANGES: never[] = [];

/**
 * Why a run failed, at the top of its page: the step it failed at, that step's error message and the
 * last lines of its log, with a link to the whole log. A run that failed in setup (no step) shows its
 * message only; its setup errors are listed beside it.
 */
export function RunFailureAlert({ runId, failure }: { runId: string; failure: RunFailure }) {
  const tail = useRef<HTMLDivElement>(null);
  // The last line is the one that matters: the box opens scrolled to its end.
  useEffect(() => {
    const el = tail.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);
  const gutter = String(failure.lastLines.at(-1)?.n ?? 1).length;
  return (
    <div data-testid="run-failure" className="rounded-lg border border-danger/25 bg-danger-soft px-3.5 py-2.5 text-sm">
      <div className="flex flex-wrap items-start gap-x-2.5 gap-y-1">
        <OctagonX aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
        <div className="min-w-0 flex-1">
          <p className="font-medium text-foreground">
            {failure.nodeId ? (
              <>
                Failed at step <code className="rounded bg-background/60 px-1 py-0.5 font-mono text-[12px]">{failure.nodeId}</code>
              </>
            ) : (
              'The run failed'
            )}
          </p>
          <p data-testid="run-failure-message" className="mt-0.5 break-words whitespace-pre-wrap text-foreground/85">
            {failure.message}
          </p>
        </div>
        {failure.nodeId && (
          <AppLink
            href={routes.run(runId, { tab: 'logs', node: failure.nodeId })}
            data-testid="run-failure-log-link"
            className="inline-flex shrink-0 items-center gap-1 text-xs font-medium text-primary hover:underline"
          >
            {failure.lastLines.length > 0 ? 'Full log' : 'Step log'}
            <ArrowRight aria-hidden className="size-3.5" />
          </AppLink>
        )}
      </div>
      {failure.lastLines.length > 0 && (
        <div
          ref={tail}
          role="log"
          aria-label={`Last lines of ${failure.nodeId ?? 'the run'}'s log`}
          data-testid="run-failure-lines"
          className="mt-2 ml-6.5 max-h-44 overflow-auto rounded-md border border-danger/20 bg-card py-1"
        >
          {failure.lastLines.map((line) => (
            <LogRow key={line.n} line={line} row={line.n - 1} showTime={false} wrap ranges={NO_RANGES} gutter={gutter} />
          ))}
        </div>
      )}
    </div>
  );
}

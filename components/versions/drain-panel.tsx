'use client';

import { CircleCheck, LoaderCircle } from 'lucide-react';
import { Callout } from '@/components/ui/callout';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api/fetch-json';
import type { VersionDetail } from '@/lib/api/hooks/use-version';
import { useVersionDrain } from '@/lib/api/hooks/use-version-drain';
import { DrainBreakdown } from './drain-breakdown';

/** What still depends on this version: the drain report, refreshed while runs are active. */
export function DrainPanel({ version }: { version: VersionDetail }) {
  const { data, error, isPending } = useVersionDrain(version.id);
  if (isPending && !data) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading the drain report…
      </p>
    );
  }
  return (
    <div className="space-y-4" data-testid="drain-panel">
      {error && <QueryError what="the drain report" message={isApiError(error) ? error.message : 'The server could not be reached.'} stale={!!data} />}
      {data &&
        (data.total === 0 ? (
          <Callout tone="success" title="No active runs depend on this version">
            {data.status === 'sunset'
              ? 'It is sunset.'
              : data.isCurrent
                ? 'New runs still start here while it is current.'
                : 'Nothing would be stranded: a safe sunset goes through.'}
          </Callout>
        ) : (
          <>
            <p className="flex items-center gap-2 text-sm">
              {data.status === 'draining' ? (
                <LoaderCircle aria-hidden className="size-4 animate-spin text-warning" />
              ) : (
                <CircleCheck aria-hidden className="size-4 text-muted-foreground" />
              )}
              <span>
                <span className="font-semibold tabular-nums" data-testid="drain-total">
                  {data.total.toLocaleString('en-US')}
                </span>{' '}
                active {data.total === 1 ? 'run ties' : 'runs tie'} this version down.
                {data.status === 'draining' && ' It is draining: it becomes sunset by itself when the last one ends.'}
              </span>
            </p>
            <DrainBreakdown report={data} />
          </>
        ))}
    </div>
  );
}

'use client';

import { ArrowUpRight } from 'lucide-react';
import { useMemo } from 'react';
import { CreatedCell, ShortId } from '@/components/runs/run-cells';
import { AppLink } from '@/components/ui/app-link';
import { type LogSearchHit, LogSearchQuery } from '@/lib/contract/logs';
import { stripAnsi, termRanges } from '@/lib/domain/log-view';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

/** Runs the search answers at most: the endpoint's default limit. */
const LOG_SEARCH_PAGE = LogSearchQuery.shape.limit.parse(undefined);

function Line({ text, query }: { text: string; query: string }) {
  const plain = stripAnsi(text);
  const ranges = useMemo(() => termRanges(plain, query), [plain, query]);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(plain.slice(at, r.start));
    parts.push(
      <mark key={r.start} className="rounded-[2px] bg-warning/30 text-foreground">
        {plain.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  parts.push(plain.slice(at));
  return <>{parts}</>;
}

/** One row per run found: the run, the step and the first matching line, linking to that line in the run's Logs tab. */
export function LogSearchResults({ items, query, stale }: { items: readonly LogSearchHit[]; query: string; stale: boolean }) {
  return (
    <>
      <p className="mb-2 text-sm text-muted-foreground" data-testid="log-search-count">
        {items.length === 1 ? '1 run' : `${items.length} runs`} found, newest first
        {items.length >= LOG_SEARCH_PAGE && ` (the first ${LOG_SEARCH_PAGE}: narrow the time range or the workflow to see older ones)`}
      </p>
      <div className={cn('overflow-hidden rounded-xl border bg-card shadow-xs', stale && 'opacity-60')} data-testid="log-search-results">
        <div className="grid grid-cols-[minmax(9rem,1.2fr)_8rem_minmax(7rem,0.8fr)_minmax(0,3fr)] gap-3 border-b bg-muted/40 px-3 py-2 text-[11px] font-medium text-muted-foreground">
          <span>Run</span>
          <span>Created</span>
          <span>Step</span>
          <span>First matching line</span>
        </div>
        <ol aria-label="Runs found">
          {items.map((hit) => (
            <li
              key={`${hit.runId}:${hit.nodeId}:${hit.attempt}`}
              data-testid="log-search-hit"
              className="grid grid-cols-[minmax(9rem,1.2fr)_8rem_minmax(7rem,0.8fr)_minmax(0,3fr)] items-baseline gap-3 border-b px-3 py-2 text-sm last:border-b-0 hover:bg-muted/30"
            >
              <span className="min-w-0">
                <span className="block truncate font-medium">{hit.workflow}</span>
                <span className="block truncate font-mono text-xs text-muted-foreground" title={hit.runId}>
                  <ShortId id={hit.runId} />
                </span>
              </span>
              <CreatedCell at={hit.createdAt} />
              <span className="min-w-0 truncate font-mono text-xs">
                {hit.nodeId}
                {hit.attempt > 1 && <span className="ml-1 font-sans text-muted-foreground">attempt {hit.attempt}</span>}
              </span>
              <AppLink
                href={routes.run(hit.runId, { tab: 'logs', node: hit.nodeId, attempt: hit.attempt, line: hit.line.n })}
                className="group flex min-w-0 items-baseline gap-2 rounded-sm font-mono text-xs hover:text-primary"
                title={`Open line ${hit.line.n} of ${hit.nodeId}'s log`}
              >
                <span className="shrink-0 text-muted-foreground tabular-nums">{hit.line.n}</span>
                <span className="min-w-0 truncate">
                  <Line text={hit.line.text} query={query} />
                </span>
                <ArrowUpRight aria-hidden className="size-3.5 shrink-0 self-center opacity-0 group-hover:opacity-100" />
              </AppLink>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

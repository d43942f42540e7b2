'use client';

import { ArrowDownToLine } from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useLogHead } from '@/lib/api/hooks/use-log-head';
import { useLogLines } from '@/lib/api/hooks/use-log-lines';
import { nodeRevision } from '@/lib/api/hooks/use-run-node';
import type { NodeSummary } from '@/lib/contract/runs';
import { formatBytes } from '@/lib/domain/log-lines';
import { formatLineCount } from '@/lib/domain/log-view';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { LogList } from './log-list';
import { errorMessage, LogCutNote, LogEmpty, LogLoading, LogProblem, TailNote } from './log-states';
import { LogToolbar } from './log-toolbar';
import { useLogFind } from './use-log-find';

export interface LogViewerProps {
  runId: string;
  node: NodeSummary;
  /** The attempt to open (default: the latest with a log) and a line to open on (a search result's link). */
  attempt?: number;
  line?: number;
  /** Extra toolbar controls (the panel's link to the full view). */
  actions?: ReactNode;
  /** A narrow pane (the node panel): the switches as icons. */
  compact?: boolean;
  /** Height of the lines pane. */
  className?: string;
}

/**
 * One node's log: live while its attempt runs (following the end until you scroll up), ANSI colours,
 * line numbers, times, wrapping, search with next/previous, download, and a switch between attempts.
 */
export function LogViewer({ runId, node, attempt: initialAttempt, line, actions, compact, className }: LogViewerProps) {
  const [attempt, setAttempt] = useState<number | null>(initialAttempt ?? null);
  const head = useLogHead(runId, node.nodeId, attempt, nodeRevision(node));
  const page = head.data ?? null;
  const info = page?.attempts.find((a) => a.attempt === page.attempt) ?? null;
  const live = page !== null && (info ? !info.ended : node.status === 'running' && node.attempt === page.attempt);
  const [tailKey, setTailKey] = useState(0);
  const lines = useLogLines({ runId, nodeId: node.nodeId, head: page, live, reconnect: tailKey });
  const find = useLogFind(lines.buffer, lines.loaded);
  const [showTime, setShowTime] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [followWanted, setFollowWanted] = useState(true);
  const following = live && followWanted && find.query === '';
  const searchRef = useRef<HTMLInputElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if ((e.key === 'f' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (!typing && (e.key === 'n' || e.key === 'N' || e.key === 'F3')) {
      e.preventDefault();
      if (e.shiftKey) find.previous();
      else find.next();
    }
  };

  const start = line ?? (live || node.status === 'failed' ? 'end' : 'top');
  return (
    <section
      aria-label={`Log of ${node.nodeId}`}
      data-testid="log-viewer"
      data-live={live || undefined}
      onKeyDown={onKeyDown}
      className="flex min-h-0 flex-col overflow-hidden rounded-xl border bg-card shadow-xs"
    >
      {(page || actions) && (
        <LogToolbar
          attempts={page?.attempts ?? []}
          attempt={page?.attempt ?? attempt}
          onAttempt={(a) => {
            setAttempt(a);
            setFollowWanted(true);
          }}
          find={find}
          partial={!lines.buffer.complete}
          searchRef={searchRef}
          showTime={showTime}
          onShowTime={setShowTime}
          wrap={wrap}
          onWrap={setWrap}
          tools={lines.total > 0}
          compact={compact}
          downloadHref={info && info.lines > 0 ? routes.api.runNodeLogs(runId, node.nodeId, { attempt: info.attempt, format: 'text' }) : null}
        >
          {actions}
        </LogToolbar>
      )}
      {info?.truncated && <LogCutNote cut={info.truncated} kept={info} />}
      {head.error && page && <LogProblem>Could not refresh the log: {errorMessage(head.error)}</LogProblem>}
      {lines.error && <LogProblem onRetry={lines.retry}>Part of the log did not load: {errorMessage(lines.error)}</LogProblem>}
      <TailNote tail={lines.tail} onReconnect={() => setTailKey((k) => k + 1)} />
      <div className={cn('relative flex min-h-0 flex-col', className)}>
        {!page ? (
          head.error ? (
            <LogProblem onRetry={() => head.refetch()}>Could not load the log: {errorMessage(head.error)}</LogProblem>
          ) : (
            <LogLoading />
          )
        ) : lines.total === 0 ? (
          <LogEmpty action={node.action} status={node.status} live={live} />
        ) : (
          <LogList
            key={`${page.attempt}`}
            buffer={lines.buffer}
            total={lines.total}
            loaded={lines.loaded}
            showTime={showTime}
            wrap={wrap}
            matches={find.matches}
            current={find.current}
            following={following}
            onFollowingChange={setFollowWanted}
            onRange={lines.setFocus}
            start={attempt === (initialAttempt ?? null) ? start : live ? 'end' : 'top'}
            className="min-h-0 flex-1"
          />
        )}
        {live && !following && lines.total > 0 && (
          <button
            type="button"
            onClick={() => {
              find.setQuery('');
              setFollowWanted(true);
            }}
            className="absolute right-4 bottom-3 inline-flex cursor-pointer items-center gap-1.5 rounded-full bg-primary px-3 py-1.5 text-xs font-medium text-primary-foreground shadow-md hover:bg-primary/90"
          >
            <ArrowDownToLine aria-hidden className="size-3.5" />
            Jump to latest
          </button>
        )}
      </div>
      {page && (lines.total > 0 || live) && (
        <footer className="flex items-center gap-3 border-t bg-muted/30 px-3 py-1 text-[11px] text-muted-foreground tabular-nums">
          {live && (
            <span data-testid="log-live" className="flex items-center gap-1.5 font-medium text-success">
              <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-success" />
              {following ? 'Live · following' : 'Live · paused'}
            </span>
          )}
          <span data-testid="log-count">{info && !live ? `${formatLineCount(lines.total)} · ${formatBytes(info.bytes)}` : formatLineCount(lines.total)}</span>
          {!lines.buffer.complete && <span>loading {Math.round((lines.loaded / Math.max(1, lines.total)) * 100)}%…</span>}
        </footer>
      )}
    </section>
  );
}

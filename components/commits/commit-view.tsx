'use client';

import { ChevronRight, CornerLeftUp, User } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { CopyButton } from '@/components/ui/copy-button';
import { QueryError } from '@/components/ui/query-error';
import { RelativeTime } from '@/components/ui/relative-time';
import { Timestamp } from '@/components/ui/timestamp';
import { isApiError } from '@/lib/api/fetch-json';
import { useCommit } from '@/lib/api/hooks/use-commit';
import { commitActionLabel } from '@/lib/domain/commit-format';
import { routes } from '@/lib/routes';
import { ChangeDiff } from './change-diff';

const PAGE = 25;

/** One commit: what was done, by whom, why, its parent in the chain, and the before/after of every change. */
export function CommitView({ commitId }: { commitId: string }) {
  const { data: commit, error } = useCommit(commitId);
  const [shown, setShown] = useState(PAGE);
  if (!commit) return error ? <QueryError what="this commit" message={isApiError(error) ? error.message : 'The server could not be reached.'} /> : null;
  return (
    <div className="space-y-5" data-testid="commit-view">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-sm text-muted-foreground">
          <Link href={routes.commits()} className="hover:text-foreground">
            Commits
          </Link>
          <ChevronRight aria-hidden className="size-3.5" />
          <span>#{commit.seq}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-2.5">
          <h1 className="text-2xl font-semibold tracking-tight">{commitActionLabel(commit.action)}</h1>
          <span className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">{commit.action}</span>
        </div>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-sm text-muted-foreground">
          <span className="flex items-center gap-1 font-mono">
            <span data-testid="commit-id">{commit.id}</span>
            <CopyButton value={commit.id} label="Copy commit id" />
          </span>
          <span className="flex items-center gap-1.5">
            <User aria-hidden className="size-3.5" />
            <span className="font-mono text-foreground/85">{commit.actor}</span>
          </span>
          <span>
            <Timestamp iso={commit.createdAt} className="text-foreground/85" /> · <RelativeTime iso={commit.createdAt} />
          </span>
          <span className="flex items-center gap-1.5">
            <CornerLeftUp aria-hidden className="size-3.5" />
            {commit.parentId ? (
              <Link href={routes.commit(commit.parentId)} className="font-mono text-[13px] text-primary hover:underline" data-testid="parent-link">
                parent #{commit.seq - 1}
              </Link>
            ) : (
              <span>first commit</span>
            )}
          </span>
        </div>
      </header>
      {commit.reason && (
        <Callout tone={commit.action === 'version.sunset.force' ? 'warning' : 'info'} title="Reason" data-testid="commit-reason">
          {commit.reason}
        </Callout>
      )}
      <p className="text-sm text-muted-foreground">
        {commit.changeCount.toLocaleString('en-US')} {commit.changeCount === 1 ? 'change' : 'changes'}, written in one transaction with this commit.
      </p>
      <div className="space-y-4">
        {commit.changes.slice(0, shown).map((c) => (
          <ChangeDiff key={`${c.entity}:${c.id}`} change={c} />
        ))}
      </div>
      {commit.changes.length > shown && (
        <Button variant="outline" size="sm" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, commit.changes.length - shown)} more of {(commit.changes.length - shown).toLocaleString('en-US')}
        </Button>
      )}
    </div>
  );
}

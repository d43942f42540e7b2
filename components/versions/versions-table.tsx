'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { RelativeTime } from '@/components/ui/relative-time';
import type { VersionListItem } from '@/lib/api/hooks/use-versions';
import { shortDigest } from '@/lib/domain/digest-format';
import { shortId } from '@/lib/domain/id-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { VersionStateBadge } from './version-state-badge';

const th = 'px-3 py-2.5 text-left text-xs font-medium text-muted-foreground whitespace-nowrap';
const td = 'px-3 py-3 align-middle';
const MAX_WORKFLOWS = 3;

function Workflows({ names }: { names: string[] }) {
  const shown = names.slice(0, MAX_WORKFLOWS);
  return (
    <span className="flex flex-wrap gap-1" title={names.join(', ')}>
      {shown.map((w) => (
        <span key={w} className="rounded bg-muted px-1.5 py-0.5 font-mono text-[11px] text-foreground/80">
          {w}
        </span>
      ))}
      {names.length > shown.length && <span className="text-xs text-muted-foreground">+{names.length - shown.length}</span>}
    </span>
  );
}

/** The registry, one row per version; a row opens the version. */
export function VersionsTable({ versions }: { versions: VersionListItem[] }) {
  const router = useRouter();
  return (
    <div className="overflow-x-auto rounded-xl border bg-card shadow-xs">
      <table className="w-full text-sm" data-testid="versions-table">
        <thead className="border-b bg-muted/40">
          <tr>
            <th className={th}>Version</th>
            <th className={th}>State</th>
            <th className={cn(th, 'text-right')}>Active runs</th>
            <th className={cn(th, 'text-right')}>Total runs</th>
            <th className={th}>Workflows</th>
            <th className={th}>Created</th>
            <th className={th}>Manifest</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr
              key={v.id}
              data-testid="version-row"
              data-version-id={v.id}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a, button')) return;
                router.push(routes.version(v.id));
              }}
              className="cursor-pointer border-b transition-colors last:border-b-0 hover:bg-accent/50"
            >
              <td className={td}>
                <Link href={routes.version(v.id)} className="group block" aria-label={`${v.label ?? 'Version'} ${v.id}`}>
                  <span className="block font-medium group-hover:text-primary">
                    {v.label ?? <span className="text-muted-foreground italic">unlabelled</span>}
                  </span>
                  <span className="block font-mono text-xs text-muted-foreground" title={v.id}>
                    {shortId(v.id)}
                  </span>
                </Link>
              </td>
              <td className={td}>
                <VersionStateBadge status={v.status} isCurrent={v.isCurrent} />
              </td>
              <td className={cn(td, 'text-right tabular-nums', v.activeRuns > 0 ? 'font-medium' : 'text-muted-foreground')} data-testid="version-active-runs">
                {v.activeRuns.toLocaleString('en-US')}
              </td>
              <td className={cn(td, 'text-right text-muted-foreground tabular-nums')}>{v.totalRuns.toLocaleString('en-US')}</td>
              <td className={td}>
                <Workflows names={v.workflows} />
              </td>
              <td className={cn(td, 'text-muted-foreground')}>
                <RelativeTime iso={v.createdAt} />
              </td>
              <td className={cn(td, 'font-mono text-xs text-muted-foreground')} title={v.manifestDigest}>
                {shortDigest(v.manifestDigest, 10)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

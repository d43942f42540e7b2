import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import type { CommitListItem } from '@/lib/api/hooks/use-commits';
import { commitActionLabel } from '@/lib/domain/commit-format';
import { shortId } from '@/lib/domain/id-format';
import { routes } from '@/lib/routes';
import { EntityLink } from './entity-link';

const th = 'px-3 py-2.5 text-left text-xs font-medium text-muted-foreground whitespace-nowrap';
const td = 'px-3 py-2.5 align-top';
const ENTITIES_SHOWN = 3;

export function ActionLabel({ action }: { action: string }) {
  const forced = action === 'version.sunset.force';
  return (
    <span className={forced ? 'font-medium text-danger' : 'font-medium'} title={action}>
      {commitActionLabel(action)}
    </span>
  );
}

/** The commit log: seq, id, actor, action, the entities it changed, the reason, when. */
export function CommitsTable({ commits }: { commits: CommitListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-card shadow-xs">
      <table className="w-full text-sm" data-testid="commits-table">
        <thead className="border-b bg-muted/40">
          <tr>
            <th className={`${th} text-right`}>#</th>
            <th className={th}>Commit</th>
            <th className={th}>Action</th>
            <th className={th}>Changed</th>
            <th className={th}>Actor</th>
            <th className={th}>Reason</th>
            <th className={th}>When</th>
          </tr>
        </thead>
        <tbody>
          {commits.map((c) => (
            <tr key={c.id} data-testid="commit-row" data-commit-id={c.id} className="border-b last:border-b-0 hover:bg-accent/40">
              <td className={`${td} text-right text-muted-foreground tabular-nums`}>{c.seq.toLocaleString('en-US')}</td>
              <td className={td}>
                <Link href={routes.commit(c.id)} className="font-mono text-[12px] text-primary hover:underline" title={c.id}>
                  {shortId(c.id, 6, 4)}
                </Link>
              </td>
              <td className={td}>
                <ActionLabel action={c.action} />
              </td>
              <td className={td}>
                <span className="flex flex-col gap-0.5">
                  {c.entities.slice(0, ENTITIES_SHOWN).map((e) => (
                    <EntityLink key={`${e.entity}:${e.id}`} entity={e.entity} id={e.id} />
                  ))}
                  {c.changeCount > ENTITIES_SHOWN && (
                    <span className="text-xs text-muted-foreground">+{(c.changeCount - ENTITIES_SHOWN).toLocaleString('en-US')} more</span>
                  )}
                </span>
              </td>
              <td className={`${td} font-mono text-[12px]`}>{c.actor}</td>
              <td className={`${td} max-w-64 text-muted-foreground`}>
                <span className="line-clamp-2" title={c.reason ?? undefined}>
                  {c.reason ?? '—'}
                </span>
              </td>
              <td className={`${td} text-muted-foreground`}>
                <RelativeTime iso={c.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from 'next/link';
import type { CommitDetail } from '@/lib/api/hooks/use-commit';
import { shortId } from '@/lib/domain/id-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';

export type CommitEntity = CommitDetail['changes'][number]['entity'];

/** Where an entity of a commit lives in the app: versions and runs have pages; jobs and tokens do not. */
function entityHref(entity: CommitEntity, id: string): string | null {
  switch (entity) {
    case 'version':
      return routes.version(id);
    case 'run':
      return routes.run(id);
    case 'job':
    case 'token':
    case 'action':
      return null;
    default: {
      const never: never = entity;
      return never;
    }
  }
}

/** `run run_01JD…Q2XK` as a link to the entity's page (or plain text where there is none). */
export function EntityLink({ entity, id, full = false, className }: { entity: CommitEntity; id: string; full?: boolean; className?: string }) {
  const href = entityHref(entity, id);
  const text = full ? id : shortId(id, 6, 4);
  const look = cn('inline-flex items-center gap-1 font-mono text-[12px]', className);
  return href ? (
    <Link href={href} title={id} className={cn(look, 'text-primary hover:underline')} data-testid="entity-link">
      <span className="font-sans text-[11px] text-muted-foreground">{entity}</span>
      {text}
    </Link>
  ) : (
    <span title={id} className={look}>
      <span className="font-sans text-[11px] text-muted-foreground">{entity}</span>
      {text}
    </span>
  );
}

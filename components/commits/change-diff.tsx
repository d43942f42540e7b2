'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { CommitDetail } from '@/lib/api/hooks/use-commit';
import { type ChangeKind, changeKind, fieldDiffs, formatFieldValue, isBookkeepingField } from '@/lib/domain/commit-format';
import { routes } from '@/lib/routes';
import { cn } from '@/lib/utils/cn';
import { EntityLink } from './entity-link';

const KIND_TONES: Record<ChangeKind, BadgeTone> = { created: 'success', removed: 'danger', updated: 'info' };
const KIND_LABELS: Record<ChangeKind, string> = { created: 'Created', removed: 'Removed', updated: 'Updated' };

function Value({ value, tone }: { value: unknown; tone?: 'before' | 'after' }) {
  const text = formatFieldValue(value);
  return (
    <span
      className={cn(
        'font-mono text-[12px] break-all',
        value === undefined || value === null ? 'text-muted-foreground' : tone === 'before' ? 'text-danger' : tone === 'after' ? 'text-success' : '',
      )}
    >
      {text}
    </span>
  );
}

/** One change of a commit: the entity, then a field-by-field before/after table with changed fields highlighted. */
export function ChangeDiff({ change }: { change: CommitDetail['changes'][number] }) {
  const [showSame, setShowSame] = useState(false);
  const kind = changeKind(change.before, change.after);
  const rows = fieldDiffs(change.before, change.after);
  const same = rows.filter((r) => r.change === 'same').length;
  const shown = showSame ? rows : rows.filter((r) => r.change !== 'same');
  return (
    <section className="overflow-hidden rounded-xl border bg-card shadow-xs" data-testid="change-diff" data-entity={change.entity} data-entity-id={change.id}>
      <header className="flex flex-wrap items-center gap-2 border-b bg-muted/40 px-4 py-2.5">
        <EntityLink entity={change.entity} id={change.id} full />
        <Badge tone={KIND_TONES[kind]}>{KIND_LABELS[kind]}</Badge>
        <Link href={routes.commits({ entity: change.entity, id: change.id })} className="ml-auto text-xs text-primary hover:underline">
          History of this {change.entity}
        </Link>
      </header>
      <table className="w-full table-fixed text-sm">
        <thead>
          <tr className="border-b text-left text-xs text-muted-foreground">
            <th className="w-44 px-4 py-2 font-medium">Field</th>
            <th className="px-4 py-2 font-medium">Before</th>
            <th className="px-4 py-2 font-medium">After</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            // The row version moves on every write: marked, not highlighted.
            const highlight = r.change !== 'same' && !isBookkeepingField(r.field);
            return (
              <tr
                key={r.field}
                data-testid="field-row"
                data-field={r.field}
                data-change={r.change}
                className={cn('border-b last:border-b-0', highlight && 'bg-warning-soft/50 dark:bg-warning-soft/40')}
              >
                <td className="px-4 py-1.5 align-top font-mono text-[12px]">
                  {r.field}
                  {highlight && <span className="ml-1.5 font-sans text-[10px] text-warning uppercase">{r.change}</span>}
                </td>
                <td className="px-4 py-1.5 align-top" data-testid="before">
                  <Value value={r.before} tone={highlight ? 'before' : undefined} />
                </td>
                <td className="px-4 py-1.5 align-top" data-testid="after">
                  <Value value={r.after} tone={highlight ? 'after' : undefined} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {same > 0 && (
        <button
          type="button"
          onClick={() => setShowSame(!showSame)}
          className="w-full cursor-pointer border-t px-4 py-1.5 text-left text-xs text-primary hover:bg-accent/50"
        >
          {showSame ? 'Hide unchanged fields' : `Show ${same} unchanged ${same === 1 ? 'field' : 'fields'}`}
        </button>
      )}
    </section>
  );
}

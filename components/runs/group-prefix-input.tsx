'use client';

import { FolderTree } from 'lucide-react';
import { cn } from '@/lib/utils/cn';
import { filterControlClass } from './filter-styles';
import { useRunListTextFilter } from './use-run-list-text-filter';

const GROUP_CHARS = /^[A-Za-z0-9._/-]{0,500}$/;
const cleanGroup = (text: string): string | null => {
  const g = text.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  return GROUP_CHARS.test(g) ? g : null;
};

/** The group-path prefix filter: `acme/billing` matches `acme/billing` and everything under it. */
export function GroupPrefixInput({ value, onChange }: { value: string; onChange(group: string): void }) {
  const box = useRunListTextFilter({ urlValue: value, clean: cleanGroup, commit: onChange, delayMs: 400 });
  return (
    <div className="relative">
      <FolderTree aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
      <input
        type="text"
        aria-label="Group path prefix"
        aria-invalid={box.invalid || undefined}
        placeholder="Group prefix"
        spellCheck={false}
        autoComplete="off"
        value={box.text}
        onChange={(e) => box.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') box.flush();
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        title="Runs whose group path starts with these segments, e.g. acme/billing"
        className={filterControlClass(Boolean(value), cn('w-44 pl-8', box.invalid && 'border-danger/60'))}
      />
    </div>
  );
}

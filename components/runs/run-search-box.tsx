'use client';

import { Search, X } from 'lucide-react';
import type { Ref } from 'react';
import { Kbd } from '@/components/ui/kbd';
import { cn } from '@/lib/utils/cn';
import { filterControlClass } from './filter-styles';
import { useRunListTextFilter } from './use-run-list-text-filter';

const ID_CHARS = /^[A-Za-z0-9_]{0,40}$/;

/** Run ids hold letters, digits and `_`; spaces from a paste are dropped. */
const cleanQuery = (text: string): string | null => {
  const q = text.replace(/\s+/g, '');
  return ID_CHARS.test(q) ? q : null;
};

export interface RunSearchBoxProps {
  value: string;
  onSearch(q: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** Finds runs by id or id prefix (`q`); `/` focuses it, Escape leaves it. */
export function RunSearchBox({ value, onSearch, ref }: RunSearchBoxProps) {
  const box = useRunListTextFilter({ urlValue: value, clean: cleanQuery, commit: onSearch, delayMs: 250 });
  return (
    <div className="relative w-full sm:w-64">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
      <input
        ref={ref}
        type="search"
        aria-label="Search runs by id"
        aria-invalid={box.invalid || undefined}
        placeholder="Run id or prefix…"
        spellCheck={false}
        autoComplete="off"
        value={box.text}
        onChange={(e) => box.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') box.flush();
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        className={filterControlClass(
          Boolean(value),
          cn(
            'w-full pr-14 pl-8 font-mono text-xs placeholder:font-sans placeholder:text-sm [&::-webkit-search-cancel-button]:hidden',
            box.invalid && 'border-danger/60',
          ),
        )}
      />
      {box.text ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => box.flush('')}
          className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:bg-accent hover:text-foreground"
        >
          <X aria-hidden className="size-3.5" />
        </button>
      ) : (
        <Kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">/</Kbd>
      )}
      {box.invalid && (
        <p role="alert" className="absolute top-full left-0 z-10 mt-1 rounded-md border bg-card px-2 py-1 text-xs text-danger shadow-sm">
          Run ids have only letters, digits and _
        </p>
      )}
    </div>
  );
}

'use client';

import { cn } from '@/lib/utils/cn';
import { FilterPopover } from './filter-popover';

export interface CheckOption<V extends string> {
  value: V;
  label: string;
  count?: number;
  /** A status dot class (`bg-info`). */
  dot?: string;
}

export interface CheckFilterMenuProps<V extends string> {
  label: string;
  options: readonly CheckOption<V>[];
  selected: readonly V[];
  onToggle(value: V): void;
  onClear(): void;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** A multi-select filter: a menu of checkboxes, each change applied at once. */
export function CheckFilterMenu<V extends string>({ label, options, selected, onToggle, onClear }: CheckFilterMenuProps<V>) {
  const summary =
    selected.length === 0
      ? null
      : selected.length <= 2
        ? selected.map((v) => options.find((o) => o.value === v)?.label ?? v).join(', ')
        : `${selected.length} selected`;
  return (
    <FilterPopover label={label} summary={summary}>
      <fieldset>
        <legend className="sr-only">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-accent has-focus-visible:bg-accent">
            <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} className="size-3.5 accent-primary" />
            {o.dot && <span aria-hidden className={cn('size-1.5 rounded-full', o.dot)} />}
            <span className="flex-1">{o.label}</span>
            {o.count !== undefined && <span className="text-xs text-muted-foreground tabular-nums">{numberFormat.format(o.count)}</span>}
          </label>
        ))}
      </fieldset>
      {selected.length > 0 && (
        <div className="mt-1 border-t pt-1">
          <button
            type="button"
            onClick={onClear}
            className="w-full cursor-pointer rounded-md px-2 py-1.5 text-left text-sm text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            Clear {label.toLowerCase()}
          </button>
        </div>
      )}
    </FilterPopover>
  );
}

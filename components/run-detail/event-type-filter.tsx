'use client';

import { Check, ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { EVENT_TYPES, type EventType } from '@/lib/domain/event-types';
import { cn } from '@/lib/utils/cn';

const GROUPS: { label: string; types: EventType[] }[] = [
  { label: 'Run', types: EVENT_TYPES.filter((t) => t.startsWith('run_')) },
  { label: 'Step', types: EVENT_TYPES.filter((t) => t.startsWith('node_')) },
  { label: 'Waits', types: EVENT_TYPES.filter((t) => t.startsWith('sleep_') || t.startsWith('hook_')) },
];

export interface EventTypeFilterProps {
  value: EventType[];
  onChange: (value: EventType[]) => void;
}

/** A dropdown of event types to keep (none checked = all), grouped by what they are about. */
export function EventTypeFilter({ value, onChange }: EventTypeFilterProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const toggle = (type: EventType) =>
    onChange(value.includes(type) ? value.filter((t) => t !== type) : EVENT_TYPES.filter((t) => t === type || value.includes(t)));
  const summary = value.length === 0 ? 'All types' : value.length === 1 ? value[0] : `${value.length} types`;

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        data-testid="event-type-filter"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={buttonVariants({
          variant: 'outline',
          className: cn('min-w-36 justify-between font-normal', value.length > 0 && 'border-primary/50 text-primary'),
        })}
      >
        <span className="truncate">{summary}</span>
        <ChevronDown aria-hidden className="size-3.5 text-muted-foreground" />
      </button>
      {open && (
        <div role="group" aria-label="Event types" className="absolute top-full left-0 z-30 mt-1 w-60 rounded-lg border bg-card p-1.5 shadow-lg">
          {GROUPS.map((g) => (
            <fieldset key={g.label} className="mb-1 last:mb-0">
              <legend className="px-2 pt-1 pb-0.5 text-[11px] font-medium text-muted-foreground">{g.label}</legend>
              {g.types.map((type) => {
                const checked = value.includes(type);
                return (
                  <label key={type} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 font-mono text-xs hover:bg-accent">
                    <input type="checkbox" checked={checked} onChange={() => toggle(type)} className="peer sr-only" />
                    <span
                      className={cn(
                        'flex size-3.5 items-center justify-center rounded border peer-focus-visible:ring-2 peer-focus-visible:ring-ring',
                        checked && 'border-primary bg-primary text-primary-foreground',
                      )}
                    >
                      {checked && <Check aria-hidden className="size-3" />}
                    </span>
                    {type}
                  </label>
                );
              })}
            </fieldset>
          ))}
          {value.length > 0 && (
            <button
              type="button"
              onClick={() => onChange([])}
              className="mt-1 w-full cursor-pointer rounded-md border-t px-2 pt-1.5 pb-1 text-left text-xs text-primary hover:underline"
            >
              Show all types
            </button>
          )}
        </div>
      )}
    </div>
  );
}

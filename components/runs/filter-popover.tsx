'use client';

import { ChevronDown } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/lib/utils/cn';
import { filterControlClass } from './filter-styles';

export interface FilterPopoverProps {
  label: string;
  /** The current choice in a few words; none when the filter is unset. */
  summary?: string | null;
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Panel width class. */
  panelClassName?: string;
}

/** A filter button that opens a small panel under it; Escape or a click outside closes it. */
export function FilterPopover({ label, summary, children, panelClassName }: FilterPopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const close = () => setOpen(false);
  const active = Boolean(summary);
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        className={filterControlClass(active, 'cursor-pointer gap-1.5 pr-2')}
      >
        <span className={cn(active && 'text-muted-foreground')}>{label}</span>
        {active && <span className="max-w-44 truncate font-medium text-foreground">{summary}</span>}
        <ChevronDown aria-hidden className={cn('size-3.5 text-muted-foreground transition-transform', open && 'rotate-180')} />
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label={`${label} filter`}
          className={cn(
            'absolute top-full left-0 z-40 mt-1.5 rounded-lg border bg-card p-1.5 text-card-foreground shadow-lg ring-1 ring-black/5 dark:ring-white/5',
            panelClassName ?? 'w-56',
          )}
        >
          {typeof children === 'function' ? children(close) : children}
        </div>
      )}
    </div>
  );
}

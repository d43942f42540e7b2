'use client';

import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export interface TabItem<T extends string> {
  value: T;
  label: ReactNode;
  /** The tab's own URL, so a tab can be opened in a new window or linked to. */
  href: string;
  icon?: ReactNode;
}

export interface TabsProps<T extends string> {
  items: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Accessible name of the tab list. */
  label: string;
  /** Prefix of the tab and panel element ids. */
  idBase: string;
  className?: string;
}

const tabId = (base: string, value: string) => `${base}-tab-${value}`;
const panelId = (base: string, value: string) => `${base}-panel-${value}`;

/**
 * An underlined tab bar whose tabs are links: a plain click switches in place (`onChange`), a
 * modified click opens the URL. Arrow keys, Home and End move between tabs.
 */
export function Tabs<T extends string>({ items, value, onChange, label, idBase, className }: TabsProps<T>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>, next: T) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((i) => i.value === value);
    const next =
      e.key === 'ArrowRight'
        ? (index + 1) % items.length
        : e.key === 'ArrowLeft'
          ? (index - 1 + items.length) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : -1;
    const item = items[next];
    if (!item) return;
    e.preventDefault();
    onChange(item.value);
    document.getElementById(tabId(idBase, item.value))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className={cn('flex items-end gap-1 overflow-x-auto border-b', className)}>
      {items.map((item) => {
        const selected = item.value === value;
        return (
          <a
            key={item.value}
            id={tabId(idBase, item.value)}
            role="tab"
            href={item.href}
            aria-selected={selected}
            aria-controls={panelId(idBase, item.value)}
            tabIndex={selected ? 0 : -1}
            onClick={(e) => onClick(e, item.value)}
            className={cn(
              '-mb-px flex h-9 shrink-0 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors [&_svg]:size-4',
              selected ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:border-border hover:text-foreground',
            )}
          >
            {item.icon}
            {item.label}
          </a>
        );
      })}
    </div>
  );
}

export function TabPanel({ idBase, value, className, children }: { idBase: string; value: string; className?: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(idBase, value)} aria-labelledby={tabId(idBase, value)} className={className}>
      {children}
    </div>
  );
}

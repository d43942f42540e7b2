'use client';

import { usePathname } from 'next/navigation';
import { AppLink } from '@/components/ui/app-link';
import { Kbd } from '@/components/ui/kbd';
import { cn } from '@/lib/utils/cn';
import { isNavActive, NAV_ITEMS } from './nav-items';

/** The main navigation: a column in the sidebar, a row in the top bar on small screens. */
export function SidebarNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="px-3 md:px-3">
      <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
        {NAV_ITEMS.map((item) => {
          const active = isNavActive(item, pathname);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <AppLink
                href={item.href}
                aria-current={active ? 'page' : undefined}
                data-active={active || undefined}
                className={cn(
                  'group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors',
                  active
                    ? 'bg-accent text-foreground shadow-xs ring-1 ring-border/60 dark:ring-white/5'
                    : 'text-muted-foreground hover:bg-accent/60 hover:text-foreground',
                )}
              >
                <Icon aria-hidden className={cn('size-4 shrink-0', active ? 'text-primary' : 'text-muted-foreground group-hover:text-foreground')} />
                <span className="flex-1">{item.label}</span>
                <span aria-hidden className="hidden items-center gap-0.5 opacity-0 transition-opacity group-hover:opacity-100 md:flex">
                  <Kbd>G</Kbd>
                  <Kbd>{item.shortcut.toUpperCase()}</Kbd>
                </span>
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

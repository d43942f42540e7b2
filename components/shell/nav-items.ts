import { Activity, Braces, GitCommitHorizontal, Layers, type LucideIcon } from 'lucide-react';
import { routes } from '@/lib/routes';

export interface NavItem {
  label: string;
  href: string;
  icon: LucideIcon;
  /** The second key of its `g` shortcut: `g r` opens Runs. */
  shortcut: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Runs', href: routes.runs(), icon: Activity, shortcut: 'r' },
  { label: 'Versions', href: routes.versions(), icon: Layers, shortcut: 'v' },
  { label: 'Commits', href: routes.commits(), icon: GitCommitHorizontal, shortcut: 'c' },
  { label: 'API', href: routes.apiDocs(), icon: Braces, shortcut: 'a' },
];

/** An item is active on its own page and on every page under it (`/runs/run_…`). */
export function isNavActive(item: NavItem, pathname: string): boolean {
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

import type { ReactNode } from 'react';
import { AuthStatus } from '@/components/auth/auth-status';
import { AppLink } from '@/components/ui/app-link';
import { routes } from '@/lib/routes';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { Logo } from './logo';
import { SidebarNav } from './sidebar-nav';
import { ThemeToggle } from './theme-toggle';

export interface AppShellProps {
  /** The engine/schema label (streams in when the store is open). */
  storeStatus: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every dashboard page: a sidebar on wide screens (brand, navigation, theme, who is
 * signed in and store status at the bottom), a top bar on small ones; the page in a centered column.
 */
export function AppShell({ storeStatus, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <a href="#main" className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <aside className="sticky top-0 z-30 flex shrink-0 flex-col gap-2 border-b bg-sidebar/95 pb-2 backdrop-blur md:h-dvh md:w-60 md:gap-4 md:border-r md:border-b-0 md:bg-sidebar md:pb-0">
        <div className="flex h-14 items-center px-4 md:px-5">
          <AppLink href={routes.runs()} aria-label="Flowdeck home" className="rounded-md">
            <Logo />
          </AppLink>
        </div>
        <SidebarNav />
        <div className="absolute top-3.5 right-4 flex items-center gap-3 md:static md:mt-auto md:flex-col md:items-stretch md:gap-2 md:border-t md:px-5 md:py-4">
          <div className="flex items-center justify-between gap-3">
            <span className="hidden text-xs text-muted-foreground md:inline">Theme</span>
            <ThemeToggle />
          </div>
          <AuthStatus />
          <div className="hidden sm:block">{storeStatus}</div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1">
        <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 md:px-10 md:py-10">{children}</div>
      </main>
      <KeyboardShortcuts />
    </div>
  );
}

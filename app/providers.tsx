'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider } from 'next-themes';
import { type ReactNode, useState } from 'react';
import { SessionProvider } from '@/components/auth/caller-context';
import { isApiError, isRetryable } from '@/lib/api/fetch-json';
import type { SessionInfo } from '@/lib/contract/session';
import { safeNextPath } from '@/lib/domain/safe-next';
import { routes } from '@/lib/routes';

const MAX_RETRIES = 3;

/** A 401 means the session ended (expired, signed out elsewhere, token revoked): back to the sign-in page. */
function onAuthError(error: unknown): void {
  if (!isApiError(error) || error.status !== 401 || typeof window === 'undefined') return;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(routes.signIn(safeNextPath(here)));
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        // Server-seeded data is fresh on arrival; don't refetch it the moment the page hydrates.
        staleTime: 10_000,
        // A 4xx answers the same way again: never retry it. Network errors, 408, 429 and 5xx may pass.
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
      },
      mutations: { retry: false },
    },
  });
}

/** Client-side context of the whole app: who is signed in, react-query and the theme (class on <html>, OS default). */
export function Providers({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <SessionProvider value={session}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </SessionProvider>
    </ThemeProvider>
  );
}

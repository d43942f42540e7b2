'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider } from 'next-themes';
import { type ReactNode, useState } from 'react';
import { isRetryable } from '@/lib/api/fetch-json';

const MAX_RETRIES = 3;

function makeQueryClient(): QueryClient {
  return new QueryClient({
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

/** Client-side context of the whole app: react-query and the theme (class on <html>, OS default). */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ThemeProvider>
  );
}

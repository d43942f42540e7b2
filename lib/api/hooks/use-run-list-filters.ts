import { useRouter } from 'next/navigation';
import { useCallback, useOptimistic, useTransition } from 'react';
import type { RunFilters } from '@/lib/api/schemas';
import { normalizeRunFilters } from '@/lib/domain/run-list-filters';
import { routes } from '@/lib/routes';

export type FilterNavigation = 'push' | 'replace';

/**
 * Changes the run filters by navigating to their URL: `push` for a choice (the back button undoes it),
 * `replace` while typing. The server page parses the new search params with the zod `RunFilters` schema,
 * renders the new first page and passes the parsed filters back down; `isPending` is true until then.
 * (The client never parses the URL itself, which keeps zod out of the page's JavaScript.)
 *
 * `shown` is what the controls display: the new choice at once, while the data stays on `filters`
 * until the server's answer arrives.
 */
export function useRunListFilters(filters: RunFilters) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(filters);

  const setFilters = useCallback(
    (next: RunFilters, how: FilterNavigation = 'push') => {
      const href = routes.runs(normalizeRunFilters(next));
      startTransition(() => {
        setShown(normalizeRunFilters(next));
        if (how === 'push') router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [router, setShown],
  );

  return { shown, setFilters, isPending };
}

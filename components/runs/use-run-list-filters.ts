import { useRouter } from 'next/navigation';
import { useCallback, useState, useTransition } from 'react';
import type { RunFilters } from '@/lib/contract/schemas';
import { normalizeRunFilters, sameRunFilters } from '@/lib/domain/run-list-filters';
import { routes } from '@/lib/routes';

export type FilterNavigation = 'push' | 'replace';

/**
 * Changes the run filters by navigating to their URL: `push` for a choice (the back button undoes it),
 * `replace` while typing. The server page parses the new search params with the zod `RunFilters` schema,
 * renders the new first page and passes the parsed filters back down as `filters`.
 * (The client never parses the URL itself, which keeps zod out of the page's JavaScript.)
 *
 * `shown` is what the controls display: the new choice at once, until the server's answer replaces
 * `filters`; `isPending` is true in between. The data stays on `filters` until then.
 */
export function useRunListFilters(filters: RunFilters) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  // A choice on its way. Any new `filters` from the server (the answer, or a back/forward step) ends it.
  const [pending, setPending] = useState<RunFilters | null>(null);
  const [seen, setSeen] = useState(filters);
  if (seen !== filters) {
    setSeen(filters);
    setPending(null);
  }
  const waiting = pending !== null && seen === filters;
  const shown = waiting ? pending : filters;

  const setFilters = useCallback(
    (next: RunFilters, how: FilterNavigation = 'push') => {
      const target = normalizeRunFilters(next);
      // Nothing to do when the choice is what is shown and no other choice is on its way.
      if (!waiting && sameRunFilters(target, filters)) return;
      setPending(target);
      const href = routes.runs(target);
      startTransition(() => {
        if (how === 'push') router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [router, filters, waiting],
  );

  return { shown, setFilters, isPending: waiting };
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunFacets } from '@/lib/contract/runs';
import { routes } from '@/lib/routes';

/** Workflow and version choices of the run filters; they change only when a version is registered. */
export function useRunListFacets() {
  return useQuery({
    queryKey: runKeys.facets(),
    queryFn: ({ signal }) => fetchJson<RunFacets>(routes.api.runFacets(), { signal }),
    staleTime: 60_000,
  });
}

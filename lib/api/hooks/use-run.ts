import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJsonIfChanged } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunDetail } from '@/lib/contract/runs';
import { isActive } from '@/lib/domain/run-phase';
import { routes } from '@/lib/routes';

export type { ArtifactEdge, NodeSummary, RunDetail } from '@/lib/contract/runs';

/** How often an active run is polled. */
export const RUN_POLL_MS = 2_000;
/** Runs with more nodes than this are polled less often: each changed poll carries every node's summary. */
const BIG_RUN_NODES = 2_000;

/** Polling pace for a run: every 2 s while active (every 10 s for a very big one), never once it has ended. */
export function runPollInterval(run: Pick<RunDetail, 'phase' | 'nodes'> | undefined): number | false {
  if (!run) return RUN_POLL_MS;
  if (!isActive(run.phase)) return false;
  return run.nodes.length > BIG_RUN_NODES ? 5 * RUN_POLL_MS : RUN_POLL_MS;
}

/** The entity tag of the last body of each run this page holds (a poll sends it back: 304 when unchanged). */
const runTags = new Map<string, string>();

/**
 * One run with its node summaries and artifact edges; polled while the run is active, never once it has
 * ended. Each poll names the tag of the body it holds, so an unchanged run costs a 304 and no parsing,
 * and the cached object stays the same (nothing re-renders). `seededTag` is the tag of the server page's copy.
 */
export function useRun(id: string, seededTag?: string) {
  const queryClient = useQueryClient();
  // The server page's copy comes with its tag, so the very first poll can already be a 304.
  if (seededTag && !runTags.has(id)) runTags.set(id, seededTag);
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: async ({ signal }) => {
      const held = queryClient.getQueryData<RunDetail>(runKeys.detail(id));
      const answer = await fetchJsonIfChanged<RunDetail>(routes.api.run(id), held ? (runTags.get(id) ?? null) : null, { signal });
      if (!answer.changed) {
        if (held) return held;
        runTags.delete(id);
        throw new Error('the run answered "not modified" to a page that holds no copy of it');
      }
      if (answer.etag) runTags.set(id, answer.etag);
      else runTags.delete(id);
      return answer.data;
    },
    refetchInterval: (q) => runPollInterval(q.state.data),
  });
}

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import { runKeys } from '@/lib/api/query-keys';
import type { RunDetail } from '@/lib/contract/runs';
import { isActive } from '@/lib/domain/run-phase';
import { routes } from '@/lib/routes';

export type { NodeDto } from '@/lib/contract/runs';
export type { ArtifactEdge, RunDetail } from '@/lib/contract/runs';

/** How often an active run is polled. */
export const RUN_POLL_MS = 2_000;
/** Runs with more nodes than this are polled less often: each poll carries every node. */
const BIG_RUN_NODES = 2_000;

/** Polling pace for a run: every 2 s while active (every 10 s for a very big one), never once it has ended. */
export function runPollInterval(run: Pick<RunDetail, 'phase' | 'nodes'> | undefined): number | false {
  if (!run) return RUN_POLL_MS;
  if (!isActive(run.phase)) return false;
  return run.nodes.length > BIG_RUN_NODES ? 5 * RUN_POLL_MS : RUN_POLL_MS;
}

/** One run with its nodes and artifact edges; polled while the run is active, never once it has ended. */
export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<RunDetail>(routes.api.run(id), { signal }),
    refetchInterval: (q) => runPollInterval(q.state.data),
  });
}

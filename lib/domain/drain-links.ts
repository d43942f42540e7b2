import type { DrainState } from './drain';
import { ACTIVE_PHASES, type RunPhase } from './run-phase';

/**
 * The run-list phases that contain a drain state's runs. Running, queued and paused map to their
 * phase; a sleeping run or one waiting on a hook can be in any active phase, so those link to all
 * active runs of the version (the run list has no waiting filter).
 */
export function drainStatePhases(state: DrainState): RunPhase[] {
  switch (state) {
    case 'running':
    case 'queued':
    case 'paused':
      return [state];
    case 'sleeping':
    case 'hook':
      return [...ACTIVE_PHASES];
    default: {
      const never: never = state;
      throw new Error(`unknown drain state ${String(never)}`);
    }
  }
}

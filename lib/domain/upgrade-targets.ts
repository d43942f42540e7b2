import type { RunSource } from './run-source';
import type { VersionStatus } from './version-status';

export interface TargetCandidate {
  id: string;
  status: VersionStatus;
  isCurrent: boolean;
  workflows: readonly string[];
  /** Where the version's runs come from: runs move only between versions of the same source. */
  runSource?: RunSource;
}

/**
 * The versions runs can be upgraded to: live ones of the same source other than the source version (the
 * current one first, then newest first); for a single run, only those that have its workflow. An engine's
 * deployment registered without a build manifest lists no workflows: it may still serve the run's one.
 */
export function upgradeTargets<V extends TargetCandidate>(versions: readonly V[], sourceId: string, workflow?: string, runSource: RunSource = 'flowdeck'): V[] {
  return versions
    .filter((v) => v.id !== sourceId && v.status === 'live' && (v.runSource ?? 'flowdeck') === runSource)
    .filter((v) => !workflow || v.workflows.includes(workflow) || (runSource !== 'flowdeck' && v.workflows.length === 0))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

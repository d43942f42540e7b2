import type { VersionStatus } from './version-status';

export interface TargetCandidate {
  id: string;
  status: VersionStatus;
  isCurrent: boolean;
  workflows: readonly string[];
}

/**
 * The versions runs can be upgraded to: live ones other than the source (the current one first, then
 * newest first); for a single run, only those that have its workflow.
 */
export function upgradeTargets<V extends TargetCandidate>(versions: readonly V[], sourceId: string, workflow?: string): V[] {
  return versions
    .filter((v) => v.id !== sourceId && v.status === 'live' && (!workflow || v.workflows.includes(workflow)))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

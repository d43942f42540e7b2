import type { RunRow, VersionRow } from '@/lib/db/schema';

/** What a commit records of a version: its mutable fields, not the (immutable, large) manifest. */
export function versionSnapshot(v: VersionRow) {
  return {
    label: v.label,
    address: v.address,
    source: v.source ?? null,
    status: v.status,
    isCurrent: v.isCurrent,
    manifestDigest: v.manifestDigest,
    deletedAt: v.deletedAt?.toISOString() ?? null,
    rowVersion: v.rowVersion,
  };
}

/** What a commit records of a run: its lifecycle fields, not payloads. */
export function runSnapshot(r: RunRow) {
  return {
    workflow: r.workflow,
    versionId: r.versionId,
    phase: r.phase,
    result: r.result,
    waiting: r.waiting ?? null,
    upgradedFrom: r.upgradedFrom,
    upgradedTo: r.upgradedTo,
    upgradeStrategy: r.upgradeStrategy,
    stranded: r.stranded,
    rowVersion: r.rowVersion,
  };
}

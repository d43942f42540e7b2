import type { NodeDto, NodeSummary, RunDto, RunListItem } from '@/lib/contract/runs';
import type { NodeRow, RunRow } from '@/lib/db/schema';

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toRunListItem(r: RunRow): RunListItem {
  return {
    id: r.id,
    workflow: r.workflow,
    versionId: r.versionId,
    groupPath: r.groupPath,
    phase: r.phase,
    result: r.result,
    waiting: r.waiting ?? null,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    upgradedFrom: r.upgradedFrom,
    upgradedTo: r.upgradedTo,
    stranded: r.stranded,
    source: r.source,
    admittedWhileDraining: r.admittedWhileDraining,
    failureReason: r.failureReason,
  };
}

export function toRunDto(r: RunRow): RunDto {
  return {
    ...toRunListItem(r),
    input: r.input,
    output: r.output ?? null,
    error: r.error ?? null,
    setupErrors: r.setupErrors ?? [],
    updatedAt: r.updatedAt.toISOString(),
    rowVersion: r.rowVersion,
    upgradeStrategy: r.upgradeStrategy,
    leaseOwner: r.leaseOwner,
    leaseExpiresAt: iso(r.leaseExpiresAt),
    externalId: r.externalId,
    engineStatus: r.engineStatus,
    workflowRef: r.workflowRef,
  };
}

/** The columns of a node's summary. */
export type NodeSummaryRow = Omit<NodeRow, 'input' | 'output' | 'error' | 'signature' | 'stagedManifests'>;

export function toNodeSummary(n: NodeSummaryRow): NodeSummary {
  return {
    nodeId: n.nodeId,
    action: n.action,
    needs: n.needs,
    status: n.status,
    attempt: n.attempt,
    startedAt: iso(n.startedAt),
    finishedAt: iso(n.finishedAt),
    artifactManifest: n.artifactManifest,
    reusedFrom: n.reusedFrom,
  };
}

export function toNodeDto(n: NodeRow): NodeDto {
  return {
    ...toNodeSummary(n),
    signature: n.signature,
    stagedManifests: n.stagedManifests,
    input: n.input ?? null,
    output: n.output ?? null,
    error: n.error ?? null,
  };
}

import type { NodeRow, RunRow } from '@/lib/db/schema';
import type { StepAction, StepNeed } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import type { Waiting } from '@/lib/domain/run-machine';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A run as listed: no input or output payloads. */
export interface RunListItem {
  id: string;
  workflow: string;
  versionId: string;
  groupPath: string;
  phase: RunPhase;
  result: RunResult;
  waiting: Waiting | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  upgradedFrom: string | null;
  upgradedTo: string | null;
  stranded: boolean;
}

export interface RunDto extends RunListItem {
  input: unknown;
  output: unknown;
  error: unknown;
  setupErrors: string[];
  updatedAt: string;
  rowVersion: number;
  upgradeStrategy: string | null;
  /** The runner holding the run (lazily expiring: compare leaseExpiresAt with now). */
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
}

export interface NodeDto {
  nodeId: string;
  action: StepAction;
  signature: string;
  needs: Required<StepNeed>[];
  status: NodeStatus;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  output: unknown;
  error: unknown;
  artifactManifest: string | null;
  stagedManifests: Record<string, string>;
  reusedFrom: string | null;
}

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
  };
}

export function toNodeDto(n: NodeRow): NodeDto {
  return {
    nodeId: n.nodeId,
    action: n.action,
    signature: n.signature,
    needs: n.needs,
    status: n.status,
    attempt: n.attempt,
    startedAt: iso(n.startedAt),
    finishedAt: iso(n.finishedAt),
    output: n.output ?? null,
    error: n.error ?? null,
    artifactManifest: n.artifactManifest,
    stagedManifests: n.stagedManifests,
    reusedFrom: n.reusedFrom,
  };
}

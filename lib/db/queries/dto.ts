import type { NodeRow, RunRow } from '@/lib/db/schema';
import type { StepAction, StepNeed } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import type { Waiting } from '@/lib/domain/run-machine';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';
import type { RunSource } from '@/lib/domain/run-source';

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
  /** Where the run comes from (Flowdeck, or an engine a connector imports). */
  source: RunSource;
  /** Started on a draining or sunset version that Flowdeck could not refuse. */
  admittedWhileDraining: boolean;
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
  /** An imported run: the engine's id, status word and full workflow id. */
  externalId: string | null;
  engineStatus: string | null;
  workflowRef: string | null;
}

export interface NodeDto {
  nodeId: string;
  action: StepAction;
  signature: string;
  needs: Required<StepNeed>[];
  status: NodeStatus;
  attempt: number;
  input: unknown;
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
    source: r.source,
    admittedWhileDraining: r.admittedWhileDraining,
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

export function toNodeDto(n: NodeRow): NodeDto {
  return {
    nodeId: n.nodeId,
    action: n.action,
    signature: n.signature,
    needs: n.needs,
    status: n.status,
    attempt: n.attempt,
    input: n.input ?? null,
    startedAt: iso(n.startedAt),
    finishedAt: iso(n.finishedAt),
    output: n.output ?? null,
    error: n.error ?? null,
    artifactManifest: n.artifactManifest,
    stagedManifests: n.stagedManifests,
    reusedFrom: n.reusedFrom,
  };
}

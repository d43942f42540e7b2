import type { StepAction, StepNeed } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import type { Waiting } from '@/lib/domain/run-machine';
import type { RunPhase, RunResult } from '@/lib/domain/run-phase';
import type { RunSource } from '@/lib/domain/run-source';
import type { VersionStatus } from '@/lib/domain/version-status';
import type { EngineActionDto } from './engine-actions';
import type { RunFailure } from './logs';

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
  /** Why it failed, in one line of at most 200 characters (a failed or setuperror run; else null). */
  failureReason: string | null;
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

/**
 * What the run page needs of every node up front: status, timing, attempt and the manifest it published
 * (the artifacts it staged are the run's `edges`). The rest (signature, staged manifests, input, output,
 * error) comes with the node itself (`NodeDto`) when its panel opens.
 */
export interface NodeSummary {
  nodeId: string;
  action: StepAction;
  needs: Required<StepNeed>[];
  status: NodeStatus;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  artifactManifest: string | null;
  reusedFrom: string | null;
}

/** One node with its payloads (GET /api/v1/runs/{runId}/nodes/{nodeId}, and the runner's claims). */
export interface NodeDto extends NodeSummary {
  signature: string;
  /** Producer step → the manifest digest this node staged from it. */
  stagedManifests: Record<string, string>;
  input: unknown;
  output: unknown;
  error: unknown;
}

export interface RunPage {
  items: RunListItem[];
  nextCursor: string | null;
}

export interface RunCounts {
  total: number;
  byPhase: Record<RunPhase, number>;
  /** True when the figures come from maintained counters rather than a scan. */
  maintained: boolean;
}

export interface ArtifactEdge {
  from: string;
  to: string;
  digest: string;
  /** The producer has since published a different manifest than the one the consumer staged. */
  stale: boolean;
  producerDigest: string | null;
  fileCount: number | null;
  totalSize: number | null;
}

export interface RunDetail extends RunDto {
  /** Summaries only: a node's payloads are fetched when it is opened. */
  nodes: NodeSummary[];
  edges: ArtifactEdge[];
  /** Operator actions handed to the run's engine (imported runs), newest first. */
  actions: EngineActionDto[];
  /** The version's human name (its label; an engine's deployment id), null when it has none. */
  versionLabel: string | null;
  /** Why a finished failed (or setuperror) run failed: the failing step, its message, its log's last lines. */
  failure: RunFailure | null;
}

export interface RunFacetVersion {
  id: string;
  status: VersionStatus;
  isCurrent: boolean;
  createdAt: string;
  label: string | null;
  runSource: RunSource;
}

/** The choices of the run list's workflow and version filters. */
export interface RunFacets {
  /** Every workflow name any version's manifest defines, sorted. */
  workflows: string[];
  /** Versions not deleted, newest first. */
  versions: RunFacetVersion[];
  /** Where runs come from, when any come from an engine a connector imports (else only Flowdeck). */
  sources: RunSource[];
}

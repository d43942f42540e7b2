import type { VersionManifest } from '@/lib/domain/manifest';
import type { RunSource } from '@/lib/domain/run-source';
import type { StrategyRadius, WorkflowDiff } from '@/lib/domain/version-diff';
import type { VersionStatus } from '@/lib/domain/version-status';

export interface VersionListItem {
  id: string;
  label: string | null;
  status: VersionStatus;
  isCurrent: boolean;
  address: string | null;
  manifestDigest: string;
  workflows: string[];
  activeRuns: number;
  totalRuns: number;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
  /** Where its runs come from; an engine's deployment has its key there. */
  runSource: RunSource;
  externalKey: string | null;
}

export interface VersionDetail extends VersionListItem {
  manifest: VersionManifest;
  signatures: Record<string, Record<string, string>>;
  source: { repo?: string; commit?: string; branch?: string } | null;
}

export interface VersionDiff {
  from: string;
  to: string;
  workflows: WorkflowDiff[];
  /** Active runs of the older version that an upgrade to the newer would touch. */
  activeRuns: number;
  /** True when the blast radius was computed on the newest RADIUS_LIMIT active runs only. */
  sampled: boolean;
  blastRadius: StrategyRadius[];
}

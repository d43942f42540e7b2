import type { VersionManifest, WorkflowDefinition } from '@/lib/domain/manifest';
import type { VersionStatus } from '@/lib/domain/version-status';
import { customerOnboardingWorkflow, dbBackupWorkflow, mlTrainWorkflow, nightlyEtlWorkflow } from './workflows-data';
import { buildAndTestWorkflow, deployWorkflow, releaseWorkflow } from './workflows-delivery';

export const DEMO_WORKFLOWS = ['deploy', 'build-and-test', 'release', 'nightly-etl', 'ml-train', 'customer-onboarding', 'db-backup'] as const;
export type DemoWorkflow = (typeof DEMO_WORKFLOWS)[number];

/** The whole code base at one revision: every workflow, as a version serves it. */
export function demoManifest(rev: number): VersionManifest {
  const workflows: Record<DemoWorkflow, WorkflowDefinition> = {
    deploy: deployWorkflow(rev),
    'build-and-test': buildAndTestWorkflow(rev),
    release: releaseWorkflow(rev),
    'nightly-etl': nightlyEtlWorkflow(rev),
    'ml-train': mlTrainWorkflow(rev),
    'customer-onboarding': customerOnboardingWorkflow(rev),
    'db-backup': dbBackupWorkflow(),
  };
  return { workflows };
}

/** One deployed version of the demo code base and where it stands on the anchor date. */
export interface DemoVersionPlan {
  /** Revision of the code base: index into the plan, 0 = oldest. */
  rev: number;
  /** Days before the anchor when the version was registered. */
  createdDaysAgo: number;
  status: VersionStatus;
  isCurrent: boolean;
  /** What changed, as a commit subject. */
  change: string;
  branch: string;
}

/**
 * The version history: three sunset, three live, one draining (still holding sleeping and hook-waiting
 * runs), the current one, and a pending one not yet deployed. New runs go to whichever version was
 * current when they were created.
 */
export const VERSION_PLAN: readonly DemoVersionPlan[] = [
  { rev: 0, createdDaysAgo: 34, status: 'sunset', isCurrent: false, change: 'Initial workflows', branch: 'main' },
  { rev: 1, createdDaysAgo: 29, status: 'sunset', isCurrent: false, change: 'deploy: multi-arch image builds with buildx', branch: 'main' },
  { rev: 2, createdDaysAgo: 24.5, status: 'sunset', isCurrent: false, change: 'deploy: canaryPercent input', branch: 'main' },
  { rev: 3, createdDaysAgo: 20, status: 'live', isCurrent: false, change: 'nightly-etl: dedupe orders before transform', branch: 'main' },
  { rev: 4, createdDaysAgo: 15.5, status: 'live', isCurrent: false, change: 'ml-train: torchrun with bf16; CI on pnpm', branch: 'main' },
  { rev: 5, createdDaysAgo: 11, status: 'live', isCurrent: false, change: 'release: two-hour cool-down before promotion', branch: 'main' },
  { rev: 6, createdDaysAgo: 6.5, status: 'draining', isCurrent: false, change: 'customer-onboarding: required region', branch: 'main' },
  { rev: 7, createdDaysAgo: 2.75, status: 'live', isCurrent: true, change: 'build-and-test: JUnit reports per shard', branch: 'main' },
  { rev: 8, createdDaysAgo: 5 / 24, status: 'pending', isCurrent: false, change: 'deploy: post-deploy SLO checks', branch: 'feat/slo-checks' },
];

/** The address a live version is served at. */
export function versionAddress(rev: number): string {
  return `https://deploy.example.internal/v${rev + 1}`;
}

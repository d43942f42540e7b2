import type { JobItemStatus, JobStatus, UpgradeStrategy } from '@/lib/domain/job-status';

export interface JobDetail {
  id: string;
  kind: 'bulk_upgrade';
  status: JobStatus;
  actor: string;
  versionId: string;
  targetVersionId: string;
  strategy: UpgradeStrategy;
  filter: Record<string, unknown>;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  items: { runId: string; status: JobItemStatus; newRunId: string | null; reason: string | null }[];
  itemsTruncated: boolean;
}

import type { CommitEntity } from '@/lib/domain/commit-format';

export interface CommitChange {
  entity: CommitEntity;
  id: string;
  before: unknown;
  after: unknown;
}

export interface CommitListItem {
  id: string;
  parentId: string | null;
  seq: number;
  actor: string;
  action: string;
  reason: string | null;
  createdAt: string;
  /** The entities the commit changed (no before/after). */
  entities: { entity: CommitChange['entity']; id: string }[];
  changeCount: number;
}

export interface CommitDetail extends CommitListItem {
  changes: CommitChange[];
}

import { shortDigest } from './digest-format';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `1536` → `1.5 KB` (powers of 1024, one decimal under 10, none above). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** `3 files · 1.2 MB`; unknown sizes (a manifest not stored here) are left out. */
export function fileSummary(fileCount: number | null, totalSize: number | null): string | null {
  if (fileCount === null) return null;
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
  return totalSize === null ? files : `${files} · ${formatBytes(totalSize)}`;
}

export interface ArtifactLabel {
  digest: string;
  summary: string | null;
  /** Why the edge is flagged, or null when the consumer staged what the producer publishes. */
  staleReason: string | null;
}

/** The text of an artifact edge: short digest, what it holds, and the stale explanation if any. */
export function artifactLabel(edge: {
  digest: string;
  stale: boolean;
  producerDigest: string | null;
  fileCount: number | null;
  totalSize: number | null;
}): ArtifactLabel {
  const staleReason = !edge.stale
    ? null
    : edge.producerDigest
      ? `The consumer staged ${shortDigest(edge.digest)}, but the producer now publishes ${shortDigest(edge.producerDigest)}.`
      : `The consumer staged ${shortDigest(edge.digest)}, but the producer publishes no manifest now.`;
  return { digest: shortDigest(edge.digest), summary: fileSummary(edge.fileCount, edge.totalSize), staleReason };
}

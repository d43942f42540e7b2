import { canonicalJson, sha256Digest } from './digest';
import { isDigest } from './digest-format';

/** One file of an artifact manifest. */
export interface ManifestEntry {
  path: string;
  digest: string;
  size: number;
}

/** Problems with a manifest's entries: relative safe paths, unique, real digests, whole sizes. */
export function manifestEntryProblems(entries: readonly ManifestEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (e.path.length === 0 || e.path.startsWith('/') || e.path.split('/').some((p) => p === '..' || p === '' || p === '.')) {
      problems.push(`entries[${i}].path must be a relative path without . or .. segments`);
    }
    if (seen.has(e.path)) problems.push(`entries[${i}].path "${e.path}" appears twice`);
    seen.add(e.path);
    if (!isDigest(e.digest)) problems.push(`entries[${i}].digest must be sha256:<64 hex>`);
    if (!Number.isSafeInteger(e.size) || e.size < 0) problems.push(`entries[${i}].size must be a whole number ≥ 0`);
  });
  return problems;
}

/** Entries in canonical order (by path) and the digest of their canonical JSON. */
export function buildManifest(entries: readonly ManifestEntry[]): { entries: ManifestEntry[]; text: string; digest: string } {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const text = canonicalJson(sorted);
  return { entries: sorted, text, digest: sha256Digest(text) };
}

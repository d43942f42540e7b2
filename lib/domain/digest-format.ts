/** Digest text helpers with no crypto dependency, safe in browser bundles. */

/** `sha256:` followed by 64 lowercase hex digits. */
export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function isDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}

/** `sha256:0123456789ab…` → `0123456789ab`, for labels. */
export function shortDigest(digest: string, length = 12): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return hex.slice(0, length);
}

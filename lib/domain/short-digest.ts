/** `sha256:0123456789ab…` → `0123456789ab`, for labels. */
export function shortDigest(digest: string, length = 12): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return hex.slice(0, length);
}

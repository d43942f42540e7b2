import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** RFC 8785 (JCS) canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no canonical JSON form');
  return text;
}

/** Digest of the canonical JSON of a value: the content address of structured data. */
export function jsonDigest(value: unknown): string {
  return sha256Digest(canonicalJson(value));
}

/**
 * Where artifact bytes live, addressed by `sha256:` digest. The local directory store implements it;
 * an S3-compatible store implements the same four methods.
 */
export interface BlobStore {
  /** Stores bytes already verified to hash to `digest`; storing the same digest again is a no-op. */
  put(digest: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when absent. */
  get(digest: string): Promise<Uint8Array | null>;
  has(digest: string): Promise<boolean>;
  /** A short description for logs and health output. */
  readonly description: string;
}

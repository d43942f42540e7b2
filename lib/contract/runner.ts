
export interface CacheHit {
  runId: string;
  nodeId: string;
  /** The producer's artifact manifest digest, to carry forward unchanged. */
  manifest: string;
  /** The producer node's output. */
  output: unknown;
  finishedAt: string | null;
}

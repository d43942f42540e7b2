/**
 * The runner API: the contract between the server and any number of runners (`flowdeck runner`), which
 * talk to it only over HTTP (FLOWDECK_URL, FLOWDECK_TOKEN). Request bodies are the zod schemas in
 * ./schemas.ts (RunnerClaimBody, RunnerHeartbeatBody, RunnerReleaseBody, EventBatchBody,
 * ArtifactManifestBody, HookBody, CacheQuery); responses are the types below. Errors are always
 * `{ "error": { "code", "message", … } }`.
 *
 * POST /api/v1/runner/claim  (operator)
 *   { runnerId: string (1-100 of [A-Za-z0-9._:-]), capacity: 1-64, leaseSeconds?: 2-300 (default 15) }
 *   → 200 { runs: ClaimedRun[] } (0..capacity runs, oldest first)
 *   Claimable: phase queued or running; no unexpired lease (lease_expires_at null or ≤ now); not waiting,
 *   or waiting on a sleep whose `until` ≤ now. Each run is claimed in its own transaction; on Postgres
 *   `FOR UPDATE SKIP LOCKED`, so concurrent claimers never get the same run. While claiming, the server
 *   appends (all in that run's transaction): `run_started` (queued run); `sleep_woken` + `node_succeeded`
 *   (the sleep node of a due sleep); `node_requeued {reason}` for every node still `running` that is not
 *   the node the run waits on (its previous runner's lease expired or was released): it is `pending`
 *   again and must be executed again. The lease is set to { runnerId, now + leaseSeconds }.
 *
 * POST /api/v1/runner/heartbeat  (operator)
 *   { runnerId, runIds: RunId[] (0-1000), leaseSeconds?: 2-300 (default 15) }
 *   → 200 { runs: [{ runId, state, leaseExpiresAt }] } (same order as runIds)
 *   state: 'ok' (this runner holds an unexpired lease and the run is queued/running: the lease is
 *   extended to now + leaseSeconds) | 'cancelled' | 'paused' | 'finished' (phase finished or setuperror)
 *   | 'lost' (unknown run, another owner, or the lease already expired: an expired lease is never revived).
 *   Anything but 'ok' means: stop that run's processes now and forget the run. Read from the run row in
 *   the request (no caching), so a cancel/pause/upgrade shows on the next heartbeat. leaseExpiresAt: the
 *   lease's expiry after the call (ISO), or null when the run has no lease.
 *
 * POST /api/v1/runner/release  (operator)
 *   { runnerId, runIds: RunId[] (0-1000) } → 200 { released: RunId[] }
 *   Frees the leases this runner owns (expired or not) among runIds; others are left alone. Used after
 *   recording a sleep/hook wait (the run comes back through claim when the sleep is due or the hook
 *   arrives), after run_finished, and after a heartbeat said stop.
 *
 * POST /api/v1/runs/{runId}/events  (operator)  { events: [...], lease?: { runnerId } }
 * PUT  /api/v1/runs/{runId}/nodes/{nodeId}/artifact-manifest  (operator)  { digest, lease?: { runnerId } }
 *   With `lease`, the write is refused with 409 { code: 'lease_lost', runId, runnerId } unless that runner
 *   holds an unexpired lease on the run, checked under the run's row lock in the same transaction as the
 *   write: a runner that lost its lease can never record a step result. Runner batches' hook_created
 *   tokens must be ≥ 128 bits: at least 32 of [A-Za-z0-9_-] (e.g. `hk_` + base64url of 24 random bytes).
 *
 * POST /api/v1/hooks/{token}  (operator when authentication is on, like every write; token 8-200 of [A-Za-z0-9._~-])
 *   { payload?: JSON } (or no body) → 200 { runId, nodeId }
 *   Appends `hook_received {token, payload}` + `node_succeeded {output: payload}` for the waiting hook
 *   node (a queued run, e.g. the new run of an upgrade that kept the token, is started first). The run is
 *   then claimable. Unknown or already used token → 404 not_found; a paused run → 409 invalid_transition
 *   (resume it, then deliver the hook again).
 *
 * GET /api/v1/runner/cache?signature=sha256:…&staged=<JSON object of producer node id → digest>  (viewer)
 *   → 200 { hit: CacheHit | null }
 *   A hit is the most recently finished node with status success, the same step signature, exactly the
 *   same staged manifests (jsonb equality; `staged` absent = {}), and a published artifact manifest. The
 *   runner then records the step without executing it: node_started {staged}, PUT artifact-manifest
 *   { digest: hit.manifest } (unchanged), node_succeeded { output: hit.output }.
 */
import type { NodeDto, RunDto } from '@/lib/contract/runs';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import type { HeartbeatState } from '@/lib/domain/runner-lease';

export type { HeartbeatState } from '@/lib/domain/runner-lease';

export interface ClaimedRun {
  /** The run after the claim (phase running, lease set). */
  run: RunDto;
  /** Every node of the run (after the claim's events), ordered by node id. */
  nodes: NodeDto[];
  /** This run's workflow from its version's manifest: `{ description?, input, steps: StepDefinition[] }`. */
  workflow: WorkflowDefinition;
  versionId: string;
  /** ISO; heartbeat before then. */
  leaseExpiresAt: string;
}

export interface ClaimResponse {
  runs: ClaimedRun[];
}

export interface HeartbeatRun {
  runId: string;
  state: HeartbeatState;
  leaseExpiresAt: string | null;
}

export interface HeartbeatResponse {
  runs: HeartbeatRun[];
}

export interface ReleaseResponse {
  released: string[];
}

export interface HookResponse {
  runId: string;
  nodeId: string;
  /** A run of an engine Flowdeck does not run: the delivery its connector carries out (the run resumes in the app). */
  actionId?: string;
}

export interface CacheResponse {
  hit: CacheHit | null;
}

export interface CacheHit {
  runId: string;
  nodeId: string;
  /** The producer's artifact manifest digest, to carry forward unchanged. */
  manifest: string;
  /** The producer node's output. */
  output: unknown;
  finishedAt: string | null;
}

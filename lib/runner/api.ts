import { ApiError, fetchJson, isRetryable } from '@/lib/api/fetch-json';
import type { LogAppendBody, LogAppendResult } from '@/lib/contract/logs';
import type { ManifestEntry } from '@/lib/domain/artifact-manifest';
import type { StepAction, StepNeed, WorkflowDefinition } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import type { RunEvent, Waiting } from '@/lib/domain/run-machine';
import type { RunPhase } from '@/lib/domain/run-phase';
import { routes } from '@/lib/routes';

/** A node of a claimed run, as the claim returns it. */
export interface ClaimedNode {
  nodeId: string;
  status: NodeStatus;
  attempt: number;
  signature: string;
  needs: Required<StepNeed>[];
  action: StepAction;
  output: unknown;
  artifactManifest: string | null;
  stagedManifests: Record<string, string>;
  reusedFrom: string | null;
}

/** A run leased to this runner: the run, its nodes and the workflow definition of its version. */
export interface ClaimedRun {
  run: { id: string; workflow: string; versionId: string; input: unknown; phase: RunPhase; waiting: Waiting | null };
  nodes: ClaimedNode[];
  workflow: WorkflowDefinition;
  leaseExpiresAt: string;
}

export type LeaseState = 'ok' | 'lost' | 'cancelled' | 'paused' | 'finished';

/** A successful node with the same step signature and staged manifests (lib/contract/runner.ts). */
export interface CacheHit {
  runId: string;
  nodeId: string;
  /** Its artifact manifest digest, carried forward unchanged. */
  manifest: string;
  output: unknown;
}

/** Each event's `at` is filled in when left out. */
export type NewEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'at'> & { at?: string } : never) : never;

/** The runner's HTTP client: the claim/heartbeat/release protocol, events under the lease, blobs and manifests. */
export interface RunnerApi {
  readonly baseUrl: string;
  claim(capacity: number): Promise<ClaimedRun[]>;
  heartbeat(runIds: string[]): Promise<Map<string, { state: LeaseState; leaseExpiresAt: string | null }>>;
  release(runIds: string[]): Promise<void>;
  events(runId: string, events: NewEvent[]): Promise<void>;
  putBlob(digest: string, bytes: Uint8Array): Promise<void>;
  getBlob(digest: string): Promise<Uint8Array>;
  putManifest(digest: string, entries: ManifestEntry[]): Promise<void>;
  getManifest(digest: string): Promise<ManifestEntry[]>;
  setArtifactManifest(runId: string, nodeId: string, digest: string): Promise<void>;
  cache(signature: string, staged: Record<string, string>): Promise<CacheHit | null>;
  /** Appends a batch of a step attempt's log lines (stored once per seq). */
  appendLogs(runId: string, nodeId: string, body: LogAppendBody): Promise<LogAppendResult>;
  /** A run's input and node results (to check a cache hit saw the same world). */
  runView(runId: string): Promise<{ input: unknown; nodes: { nodeId: string; status: NodeStatus; output: unknown; error: unknown }[] }>;
}

export interface ApiOptions {
  baseUrl: string;
  token?: string;
  runnerId: string;
  leaseSeconds: number;
  /** One request's time limit. */
  timeoutMs?: number;
}

/** The `409 lease_lost` answer: this runner no longer holds the run. */
export const isLeaseLost = (err: unknown): boolean => err instanceof ApiError && err.status === 409 && err.code === 'lease_lost';

type RawNode = Omit<ClaimedNode, 'nodeId'> & { nodeId?: string; id?: string };

function normalizeRun(raw: Omit<ClaimedRun, 'nodes'> & { nodes: RawNode[] }): ClaimedRun {
  return {
    ...raw,
    nodes: raw.nodes.map(({ id, nodeId, ...n }) => ({
      ...n,
      nodeId: (nodeId ?? id) as string,
      stagedManifests: n.stagedManifests ?? {},
      artifactManifest: n.artifactManifest ?? null,
      reusedFrom: n.reusedFrom ?? null,
    })),
  };
}

export function runnerApi(options: ApiOptions): RunnerApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const auth: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const timeout = () => AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const json = <T>(method: string, path: string, body?: unknown) => fetchJson<T>(`${baseUrl}${path}`, { method, headers: auth, json: body, signal: timeout() });
  const lease = { runnerId: options.runnerId };
  const at = () => new Date().toISOString();

  return {
    baseUrl,
    async claim(capacity) {
      const res = await json<{ runs: (Omit<ClaimedRun, 'nodes'> & { nodes: RawNode[] })[] }>('POST', routes.api.runnerClaim(), {
        runnerId: options.runnerId,
        capacity,
        leaseSeconds: options.leaseSeconds,
      });
      return res.runs.map(normalizeRun);
    },
    async heartbeat(runIds) {
      const res = await json<{ runs: { runId: string; state: LeaseState; leaseExpiresAt: string | null }[] }>('POST', routes.api.runnerHeartbeat(), {
        runnerId: options.runnerId,
        runIds,
        leaseSeconds: options.leaseSeconds,
      });
      return new Map(res.runs.map((r) => [r.runId, { state: r.state, leaseExpiresAt: r.leaseExpiresAt ?? null }]));
    },
    async release(runIds) {
      if (runIds.length > 0) await json('POST', routes.api.runnerRelease(), { runnerId: options.runnerId, runIds });
    },
    async events(runId, events) {
      await json('POST', routes.api.runEvents(runId), { events: events.map((e) => ({ at: at(), ...e })), lease });
    },
    async putBlob(digest, bytes) {
      await fetchJson(`${baseUrl}${routes.api.blob(digest)}`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
        signal: AbortSignal.timeout(Math.max(options.timeoutMs ?? 30_000, 300_000)),
      });
    },
    async getBlob(digest) {
      let res: Response;
      try {
        res = await fetch(`${baseUrl}${routes.api.blob(digest)}`, { headers: auth, signal: AbortSignal.timeout(300_000) });
      } catch {
        throw new ApiError(0, 'network_error', 'Could not reach the Flowdeck server.');
      }
      if (!res.ok) throw new ApiError(res.status, res.status === 404 ? 'not_found' : `http_${res.status}`, `blob ${digest}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async putManifest(digest, entries) {
      await json('PUT', routes.api.manifest(digest), entries);
    },
    async getManifest(digest) {
      const res = await json<{ entries: ManifestEntry[] }>('GET', routes.api.manifest(digest));
      return res.entries;
    },
    async setArtifactManifest(runId, nodeId, digest) {
      await json('PUT', routes.api.runNodeArtifactManifest(runId, nodeId), { digest, lease });
    },
    async cache(signature, staged) {
      const res = await json<{ hit: CacheHit | null }>('GET', routes.api.runnerCache({ signature, staged: JSON.stringify(staged) }));
      return res.hit;
    },
    async appendLogs(runId, nodeId, body) {
      return json<LogAppendResult>('POST', routes.api.runNodeLogs(runId, nodeId), body);
    },
    async runView(runId) {
      return json('GET', routes.api.run(runId));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` again on network trouble, 408, 429 and 5xx with a growing pause, for as long as `keepTrying`
 * says so (e.g. while the lease may still hold); every other error, and the last one, is thrown.
 */
export async function withRetry<T>(fn: () => Promise<T>, keepTrying: () => boolean = () => true, maxAttempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isRetryable(err) || attempt >= maxAttempts || !keepTrying()) throw err;
      await sleep(Math.min(200 * 2 ** (attempt - 1), 2_000));
    }
  }
}

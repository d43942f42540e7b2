import { ApiError } from '@/lib/api/fetch-json';
import { LogAppendBody, type LogAppendResult, type LogLine } from '@/lib/contract/logs';
import { buildManifest, type ManifestEntry } from '@/lib/domain/artifact-manifest';
import { jsonDigest, sha256Digest } from '@/lib/domain/digest';
import { normalizedNeeds, stepAction, stepSignature, type WorkflowDefinition } from '@/lib/domain/manifest';
import { applyEvents, initialNode, type RunEvent, type RunState } from '@/lib/domain/run-machine';
import { isClaimablePhase } from '@/lib/domain/runner-lease';
import type { CacheHit, ClaimedRun, LeaseState, NewEvent, RunnerApi } from './api';

/**
 * An in-memory stand-in for the server's runner API, for unit tests of the runner: the real run state
 * machine, leases, blobs and manifests, the step cache. Not a second server: just enough to drive runs.
 */
export interface FakeRun {
  id: string;
  workflow: WorkflowDefinition;
  input: unknown;
  state: RunState;
  events: RunEvent[];
  artifactManifests: Record<string, string>;
  lease: { owner: string; expires: number } | null;
}

/** One node attempt's log as the fake server keeps it: batches by seq, lines numbered in the order stored. */
export interface FakeLog {
  seqs: Set<number>;
  lines: LogLine[];
  dropped: { lines: number; bytes: number } | null;
  ended: boolean;
  /** Every request body received, duplicates included. */
  requests: LogAppendBody[];
}

export class FakeServer {
  readonly runs = new Map<string, FakeRun>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly manifests = new Map<string, ManifestEntry[]>();
  /** Events refused as impossible transitions (a runner bug if any). */
  readonly refused: string[] = [];
  readonly logs = new Map<string, FakeLog>();
  /** Faults for the next log appends, one per request: `after-store` stores the batch, then answers 503. */
  logFaults: ('before-store' | 'after-store' | 'network')[] = [];
  /** How long each log append takes (a slow server). */
  logDelayMs = 0;
  private seq = 0;
  now = () => Date.now();

  /** The log of a node attempt (an empty one when nothing was appended). */
  log(runId: string, nodeId: string, attempt = 1): FakeLog {
    const key = `${runId}/${nodeId}/${attempt}`;
    let log = this.logs.get(key);
    if (!log) {
      log = { seqs: new Set(), lines: [], dropped: null, ended: false, requests: [] };
      this.logs.set(key, log);
    }
    return log;
  }

  /** POST …/runs/{runId}/nodes/{nodeId}/logs: the contract's body, the lease when given, each seq stored once. */
  private async appendLogs(runnerId: string, runId: string, nodeId: string, raw: unknown): Promise<LogAppendResult> {
    if (this.logDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.logDelayMs));
    const parsed = LogAppendBody.safeParse(JSON.parse(JSON.stringify(raw)));
    if (!parsed.success) throw new ApiError(400, 'invalid_input', parsed.error.message);
    const body = parsed.data;
    const run = this.get(runId);
    if (!run.workflow.steps.some((s) => s.id === nodeId)) throw new ApiError(404, 'not_found', `node ${nodeId} not found`);
    if (body.lease && !this.holds(run, body.lease.runnerId)) throw new ApiError(409, 'lease_lost', `runner ${runnerId} does not hold ${runId}`);
    const fault = this.logFaults.shift();
    if (fault === 'network') throw new ApiError(0, 'network_error', 'Could not reach the Flowdeck server.');
    if (fault === 'before-store') throw new ApiError(503, 'unavailable', 'try again');
    const log = this.log(runId, nodeId, body.attempt);
    log.requests.push(body);
    const duplicate = log.seqs.has(body.seq);
    if (!duplicate) {
      log.seqs.add(body.seq);
      for (const l of body.lines) log.lines.push({ n: log.lines.length + 1, ...l });
      if (body.dropped) log.dropped = body.dropped;
      if (body.end) log.ended = true;
    }
    if (fault === 'after-store') throw new ApiError(503, 'unavailable', 'stored, but the answer was lost');
    return { stored: duplicate ? 0 : body.lines.length, duplicate, truncated: false };
  }

  createRun(workflow: WorkflowDefinition, input: unknown): string {
    const id = `run_${String(++this.seq).padStart(26, '0')}`;
    const nodes = Object.fromEntries(workflow.steps.map((s) => [s.id, initialNode()]));
    const state: RunState = {
      run: { phase: 'queued', result: 'unknown', waiting: null, startedAt: null, finishedAt: null, output: null, error: null },
      nodes,
    };
    this.runs.set(id, { id, workflow, input, state, events: [], artifactManifests: {}, lease: null });
    return id;
  }

  private apply(run: FakeRun, events: RunEvent[]): void {
    run.state = applyEvents(run.state, events);
    run.events.push(...events);
  }

  private get(runId: string): FakeRun {
    const run = this.runs.get(runId);
    if (!run) throw new ApiError(404, 'not_found', `run ${runId} not found`);
    return run;
  }

  private holds(run: FakeRun, runnerId?: string): boolean {
    return !!run.lease && run.lease.expires > this.now() && (runnerId === undefined || run.lease.owner === runnerId);
  }

  /** Cancels (as an operator would). */
  cancel(runId: string): void {
    this.apply(this.get(runId), [{ type: 'run_cancelled', at: new Date().toISOString() }]);
  }

  /** Delivers a hook (POST /hooks/:token). */
  deliverHook(token: string, payload: unknown): void {
    const run = [...this.runs.values()].find((r) => r.state.run.waiting?.kind === 'hook' && r.state.run.waiting.token === token);
    if (run?.state.run.waiting?.kind !== 'hook') throw new ApiError(404, 'not_found', 'no such hook');
    const at = new Date().toISOString();
    const nodeId = run.state.run.waiting.nodeId;
    this.apply(run, [
      { type: 'hook_received', at, nodeId, token, payload },
      { type: 'node_succeeded', at, nodeId, output: payload },
    ]);
  }

  /** Makes a sleeping run's wake time come now. */
  wakeEarly(runId: string): void {
    const run = this.get(runId);
    const w = run.state.run.waiting;
    if (w?.kind === 'sleep') run.state = { ...run.state, run: { ...run.state.run, waiting: { ...w, until: new Date(this.now() - 1).toISOString() } } };
  }

  api(runnerId: string, leaseSeconds = 5): RunnerApi {
    const at = () => new Date().toISOString();
    const claimed = (run: FakeRun): ClaimedRun => ({
      run: { id: run.id, workflow: 'wf', versionId: 'vers_fake', input: run.input, phase: run.state.run.phase, waiting: run.state.run.waiting },
      workflow: run.workflow,
      leaseExpiresAt: new Date(run.lease?.expires ?? 0).toISOString(),
      nodes: run.workflow.steps.map((s) => {
        const n = run.state.nodes[s.id] ?? initialNode();
        return {
          nodeId: s.id,
          status: n.status,
          attempt: n.attempt,
          signature: stepSignature(s),
          needs: normalizedNeeds(s),
          action: stepAction(s),
          output: n.output,
          artifactManifest: run.artifactManifests[s.id] ?? null,
          stagedManifests: n.stagedManifests,
          reusedFrom: null,
        };
      }),
    });
    return {
      baseUrl: 'fake://server',
      claim: async (capacity) => {
        const out: ClaimedRun[] = [];
        for (const run of this.runs.values()) {
          if (out.length >= capacity) break;
          const { phase, waiting } = run.state.run;
          if (!isClaimablePhase(phase) || this.holds(run)) continue;
          if (waiting && !(waiting.kind === 'sleep' && Date.parse(waiting.until) <= this.now())) continue;
          const events: RunEvent[] = phase === 'queued' ? [{ type: 'run_started', at: at() }] : [];
          if (waiting?.kind === 'sleep')
            events.push({ type: 'sleep_woken', at: at(), nodeId: waiting.nodeId }, { type: 'node_succeeded', at: at(), nodeId: waiting.nodeId });
          for (const [nodeId, n] of Object.entries(run.state.nodes)) {
            if (n.status === 'running' && nodeId !== waiting?.nodeId)
              events.push({ type: 'node_requeued', at: at(), nodeId, reason: 'lease expired' } as RunEvent);
          }
          if (events.length > 0) this.apply(run, events);
          run.lease = { owner: runnerId, expires: this.now() + leaseSeconds * 1000 };
          out.push(claimed(run));
        }
        return out;
      },
      heartbeat: async (runIds) => {
        const states = new Map<string, { state: LeaseState; leaseExpiresAt: string | null }>();
        for (const id of runIds) {
          const run = this.runs.get(id);
          const phase = run?.state.run.phase;
          let state: LeaseState = 'lost';
          if (phase === 'cancelled' || phase === 'paused') state = phase;
          else if (phase === 'finished') state = 'finished';
          else if (run && this.holds(run, runnerId)) {
            state = 'ok';
            run.lease = { owner: runnerId, expires: this.now() + leaseSeconds * 1000 };
          }
          states.set(id, { state, leaseExpiresAt: run?.lease ? new Date(run.lease.expires).toISOString() : null });
        }
        return states;
      },
      release: async (runIds) => {
        for (const id of runIds) {
          const run = this.runs.get(id);
          if (run?.lease?.owner === runnerId) run.lease = null;
        }
      },
      events: async (runId, events: NewEvent[]) => {
        const run = this.get(runId);
        if (!this.holds(run, runnerId)) throw new ApiError(409, 'lease_lost', `runner ${runnerId} does not hold ${runId}`);
        try {
          this.apply(
            run,
            events.map((e) => ({ at: at(), ...e }) as RunEvent),
          );
        } catch (err) {
          this.refused.push(String(err));
          throw new ApiError(409, 'invalid_transition', String(err));
        }
      },
      putBlob: async (digest, bytes) => {
        if (sha256Digest(bytes) !== digest) throw new ApiError(400, 'invalid_input', 'digest mismatch');
        this.blobs.set(digest, bytes);
      },
      getBlob: async (digest) => {
        const b = this.blobs.get(digest);
        if (!b) throw new ApiError(404, 'not_found', 'no blob');
        return b;
      },
      putManifest: async (digest, entries) => {
        if (buildManifest(entries).digest !== digest) throw new ApiError(400, 'invalid_input', 'manifest digest mismatch');
        this.manifests.set(digest, entries);
      },
      getManifest: async (digest) => {
        const m = this.manifests.get(digest);
        if (!m) throw new ApiError(404, 'not_found', 'no manifest');
        return m;
      },
      setArtifactManifest: async (runId, nodeId, digest) => {
        const run = this.get(runId);
        if (!this.holds(run, runnerId)) throw new ApiError(409, 'lease_lost', 'lease lost');
        run.artifactManifests[nodeId] = digest;
      },
      cache: async (signature, staged): Promise<CacheHit | null> => {
        for (const run of [...this.runs.values()].reverse()) {
          for (const step of run.workflow.steps) {
            const n = run.state.nodes[step.id];
            const manifest = run.artifactManifests[step.id];
            if (n?.status !== 'success' || !manifest || stepSignature(step) !== signature) continue;
            if (jsonDigest(n.stagedManifests) !== jsonDigest(staged)) continue;
            return { runId: run.id, nodeId: step.id, manifest, output: n.output };
          }
        }
        return null;
      },
      appendLogs: (runId, nodeId, body) => this.appendLogs(runnerId, runId, nodeId, body),
      runView: async (runId) => {
        const run = this.get(runId);
        return {
          input: run.input,
          nodes: Object.entries(run.state.nodes).map(([nodeId, n]) => ({ nodeId, status: n.status, output: n.output, error: n.error })),
        };
      },
    };
  }
}

import { randomBytes } from 'node:crypto';
import { ApiError } from '@/lib/api/fetch-json';
import { secretMasker } from '@/lib/domain/log-mask';
import { parseDuration, type StepDefinition, stepAction } from '@/lib/domain/manifest';
import type { NodeStatus } from '@/lib/domain/node-status';
import { seenSteps } from '@/lib/domain/step-inputs';
import { scheduleSteps } from '@/lib/domain/step-scheduler';
import { type ClaimedRun, isLeaseLost, type NewEvent, type RunnerApi, withRetry } from './api';
import type { Reaper, StepProcess } from './process';
import { executeRunStep, type NodeView, type StepHost } from './step-runner';
import { type RunLayout, runLayout, type StepsSummary } from './workdir';

/**
 * How a run left this runner: `finished` (run_finished recorded), `waiting` (a sleep or hook recorded),
 * `idle` (nothing this runner can do now), `stopped` (halted: cancelled, paused, shutdown, server
 * trouble) — all four release the lease — or `lost` (the lease is someone else's: nothing to release).
 */
export type Outcome = 'finished' | 'waiting' | 'idle' | 'stopped' | 'lost';

/** Step slots shared by every run of a runner: at most `capacity` step processes at once. */
export class Slots {
  private used = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly capacity: number) {}

  tryAcquire(): boolean {
    if (this.used >= this.capacity) return false;
    this.used++;
    return true;
  }

  release(): void {
    this.used = Math.max(0, this.used - 1);
    for (const listener of this.listeners) listener();
  }

  onRelease(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface ExecutionOptions {
  api: RunnerApi;
  runnerId: string;
  workDir: string;
  slots: Slots;
  reaper?: Reaper;
  tailBytes: number;
  graceMs: number;
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** Bytes of log kept per step attempt. */
  logLimitBytes: number;
  /** Secret values masked in step logs (lib/domain/log-mask secretValues). */
  secrets: readonly string[];
  log: (runId: string, stepId: string | null, message: string) => void;
  /** Whether this runner's lease on the run may still hold (the Runner tracks heartbeats). */
  leaseOk: (runId: string) => boolean;
}

const TERMINAL_UPDATE: Partial<Record<NewEvent['type'], NodeStatus>> = {
  node_started: 'running',
  node_succeeded: 'success',
  node_failed: 'failed',
  node_skipped: 'skipped',
};

/** One claimed run on this runner: schedules its steps, executes them, records waits and the result. */
export class RunExecution implements StepHost {
  readonly runId: string;
  readonly workflowName: string;
  readonly input: unknown;
  readonly steps: readonly StepDefinition[];
  readonly layout: RunLayout;
  readonly api: RunnerApi;
  readonly runnerId: string;
  readonly reaper?: Reaper;
  readonly tailBytes: number;
  readonly graceMs: number;
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  readonly logLimitBytes: number;
  readonly mask: (text: string) => string;

  private readonly nodes = new Map<string, NodeView>();
  private readonly procs = new Map<string, StepProcess>();
  private readonly tasks = new Map<string, Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();
  private stop: { outcome: 'lost' | 'stopped'; reason: string } | null = null;
  private wake: (() => void) | null = null;
  private done = false;
  /** A claim never hands out a waiting run; should one come anyway, it is given back untouched. */
  private readonly waitingAtClaim: string | null;

  constructor(
    claimed: ClaimedRun,
    private readonly options: ExecutionOptions,
  ) {
    this.runId = claimed.run.id;
    this.workflowName = claimed.run.workflow;
    this.input = claimed.run.input;
    this.steps = claimed.workflow.steps;
    this.layout = runLayout(options.workDir, claimed.run.id);
    this.api = options.api;
    this.runnerId = options.runnerId;
    this.reaper = options.reaper;
    this.tailBytes = options.tailBytes;
    this.graceMs = options.graceMs;
    this.baseEnv = options.baseEnv;
    this.logLimitBytes = options.logLimitBytes;
    this.mask = secretMasker(options.secrets);
    for (const n of claimed.nodes) {
      this.nodes.set(n.nodeId, {
        status: n.status,
        attempt: n.attempt,
        signature: n.signature,
        output: n.output,
        error: null,
        artifactManifest: n.artifactManifest,
      });
    }
    this.waitingAtClaim = claimed.run.waiting ? `${claimed.run.waiting.kind} on ${claimed.run.waiting.nodeId}` : null;
  }

  node(stepId: string): NodeView {
    return this.nodes.get(stepId) ?? { status: 'pending', attempt: 0, signature: '', output: null, error: null, artifactManifest: null };
  }

  summary(stepId: string): StepsSummary {
    return seenSteps(
      this.steps,
      stepId,
      [...this.nodes].map(([nodeId, n]) => ({ nodeId, ...n })),
    );
  }

  log(stepId: string | null, message: string): void {
    this.options.log(this.runId, stepId, message);
  }

  halted(): boolean {
    return this.stop !== null;
  }

  /** Still driving the run: neither halted nor done (a finished run needs no more heartbeats). */
  active(): boolean {
    return this.stop === null && !this.done;
  }

  leaseOk(): boolean {
    return this.options.leaseOk(this.runId);
  }

  track(stepId: string, proc: StepProcess | null): void {
    if (proc) this.procs.set(stepId, proc);
    else this.procs.delete(stepId);
  }

  published(stepId: string, digest: string): void {
    this.nodes.set(stepId, { ...this.node(stepId), artifactManifest: digest });
  }

  /** Stops the run now: every step process gets SIGTERM (SIGKILL after the grace time); nothing more is recorded. */
  halt(outcome: 'lost' | 'stopped', reason: string): void {
    if (this.stop) return;
    this.stop = { outcome, reason };
    this.log(null, `stopping: ${reason}`);
    for (const proc of this.procs.values()) void proc.stop(reason);
    this.kick();
  }

  post(events: NewEvent[]): Promise<boolean> {
    const sent = this.queue.then(() => (this.stop ? false : this.send(events)));
    this.queue = sent.catch(() => undefined);
    return sent;
  }

  private async send(events: NewEvent[]): Promise<boolean> {
    try {
      await withRetry(
        () => this.api.events(this.runId, events),
        () => !this.stop && this.leaseOk(),
      );
    } catch (err) {
      if (isLeaseLost(err)) this.halt('lost', 'lease lost (409 lease_lost): another runner may hold the run');
      else if (err instanceof ApiError && err.status > 0 && err.status < 500)
        this.halt('stopped', `the server refused ${events.map((e) => e.type).join(', ')}: ${err.message}`);
      else this.halt('stopped', `cannot record events: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    for (const e of events) {
      const status = TERMINAL_UPDATE[e.type];
      if (!status || !('nodeId' in e)) continue;
      const node = this.node(e.nodeId);
      this.nodes.set(e.nodeId, {
        ...node,
        status,
        attempt: e.type === 'node_started' ? node.attempt + 1 : node.attempt,
        output: e.type === 'node_succeeded' ? (e.output ?? null) : node.output,
        error: e.type === 'node_failed' ? (e.error ?? null) : node.error,
      });
    }
    return true;
  }

  private kick(): void {
    this.wake?.();
  }

  private statuses(): Record<string, NodeStatus> {
    return Object.fromEntries([...this.nodes].map(([id, n]) => [id, n.status as NodeStatus]));
  }

  private startStep(step: StepDefinition): void {
    const task = executeRunStep(this, step).finally(() => {
      this.tasks.delete(step.id);
      this.options.slots.release();
      this.kick();
    });
    this.tasks.set(step.id, task);
  }

  /** Drives the run until it finishes, waits, has nothing to do here, or is halted. */
  async run(): Promise<Outcome> {
    const unsubscribe = this.options.slots.onRelease(() => this.kick());
    try {
      return await this.loop();
    } finally {
      this.done = true;
      unsubscribe();
      await Promise.allSettled([...this.tasks.values()]);
      await this.queue;
    }
  }

  private async loop(): Promise<Outcome> {
    if (this.waitingAtClaim) {
      this.log(null, `claimed while waiting (${this.waitingAtClaim}): nothing to do yet`);
      return 'idle';
    }
    for (;;) {
      if (this.stop) return this.stop.outcome;
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      const decision = scheduleSteps(this.steps, this.statuses());
      if (decision.skip.length > 0) {
        await this.post(decision.skip.map((s) => ({ type: 'node_skipped' as const, nodeId: s.step, reason: s.reason })));
        for (const s of decision.skip) this.log(s.step, `skipped: ${s.reason}`);
        continue;
      }
      if (decision.done) return this.finish(decision.done);
      const byId = new Map(this.steps.map((s) => [s.id, s]));
      const runnable = decision.ready.map((id) => byId.get(id) as StepDefinition).filter((s) => stepAction(s) === 'run' && !this.tasks.has(s.id));
      for (const step of runnable) {
        if (!this.options.slots.tryAcquire()) break;
        this.startStep(step);
      }
      if (this.tasks.size === 0 && runnable.length === 0) {
        const wait = decision.ready.map((id) => byId.get(id) as StepDefinition).find((s) => stepAction(s) !== 'run');
        if (wait) return this.enterWait(wait);
        this.log(null, 'no step can start here now (a step is running elsewhere or waiting)');
        return 'idle';
      }
      await woken;
    }
  }

  private async finish(done: { result: 'success' | 'failed'; failed: string[] }): Promise<Outcome> {
    const event: NewEvent =
      done.result === 'success'
        ? { type: 'run_finished', result: 'success' }
        : { type: 'run_finished', result: 'failed', error: { message: `failed steps: ${done.failed.join(', ')}`, failed: done.failed } };
    if (!(await this.post([event]))) return this.stop?.outcome ?? 'stopped';
    this.log(null, `finished: ${done.result}${done.failed.length ? ` (failed: ${done.failed.join(', ')})` : ''}`);
    return 'finished';
  }

  /** Records a sleep (until now + duration) or a hook (with a fresh 256-bit token); the lease is then released. */
  private async enterWait(step: StepDefinition): Promise<Outcome> {
    if (step.sleep !== undefined) {
      const ms = parseDuration(step.sleep);
      if (ms === null) {
        await this.post([
          { type: 'node_started', nodeId: step.id },
          { type: 'node_failed', nodeId: step.id, error: { message: `"${step.sleep}" is not a duration` } },
        ]);
        return this.stop?.outcome ?? 'idle';
      }
      const until = new Date(Date.now() + ms).toISOString();
      if (
        !(await this.post([
          { type: 'node_started', nodeId: step.id },
          { type: 'sleep_started', nodeId: step.id, until },
        ]))
      )
        return this.stop?.outcome ?? 'stopped';
      this.log(step.id, `sleeping until ${until}`);
      return 'waiting';
    }
    const token = `hk_${randomBytes(32).toString('base64url')}`;
    if (
      !(await this.post([
        { type: 'node_started', nodeId: step.id },
        { type: 'hook_created', nodeId: step.id, token },
      ]))
    )
      return this.stop?.outcome ?? 'stopped';
    this.log(step.id, "waiting on a hook: POST /api/v1/hooks/TOKEN (the token is in the run's waiting state)");
    return 'waiting';
  }
}

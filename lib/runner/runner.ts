import fs from 'node:fs/promises';
import { DEFAULT_LOG_LIMIT_BYTES } from '@/lib/domain/log-lines';
import { secretValues } from '@/lib/domain/log-mask';
import { type ClaimedRun, type RunnerApi, withRetry } from './api';
import { Reaper } from './process';
import { type Outcome, RunExecution, Slots } from './run-execution';
import { runLayout } from './workdir';

/** One log line: the run and step it concerns (if any) and what happened. Never given a credential. */
export type RunnerLog = (runId: string | null, stepId: string | null, message: string) => void;

export interface RunnerOptions {
  id: string;
  /** Step processes at once, across runs; also the most runs held at once. */
  capacity: number;
  workDir: string;
  leaseSeconds: number;
  api: RunnerApi;
  log: RunnerLog;
  /** How often to ask for work while there is room (ms). */
  pollMs?: number;
  /** How often to extend the leases (ms): keep it well under the lease, and ≤ 1 s so a cancel stops steps within 2 s. */
  heartbeatMs?: number;
  /** Exit once a claim finds nothing and no run is held. */
  once?: boolean;
  /** Delete a run's directory when the run leaves this runner. */
  clean?: boolean;
  baseEnv?: Readonly<Record<string, string | undefined>>;
  tailBytes?: number;
  graceMs?: number;
  /** Bytes of log kept per step attempt (default DEFAULT_LOG_LIMIT_BYTES). */
  logLimitBytes?: number;
  /**
   * Values masked in step logs besides those of the variables marked secret in baseEnv (lib/domain/log-mask):
   * the runner's own token.
   */
  secrets?: readonly (string | undefined)[];
}

interface Held {
  exec: RunExecution;
  /** Local time until which the lease surely holds: the send time of the last successful heartbeat + lease. */
  deadline: number;
}

/** `run()` with `once` could not reach the server at all. */
export class RunnerUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerUnreachable';
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The runner loop: claims runs while it has room, drives each (RunExecution), heartbeats every held run
 * once a second and stops a run's processes as soon as the server says it is cancelled, paused, finished
 * or no longer ours — or when no heartbeat got through before the lease would have expired.
 */
export class Runner {
  private readonly held = new Map<string, Held>();
  private readonly settling = new Set<Promise<void>>();
  private readonly slots: Slots;
  private readonly reaper = new Reaper();
  private stopping = false;
  private ended = false;
  private nudge: (() => void) | null = null;
  private claimTrouble = false;
  private readonly secrets: readonly string[];

  constructor(private readonly options: RunnerOptions) {
    this.slots = new Slots(options.capacity);
    this.secrets = secretValues(options.baseEnv ?? process.env, options.secrets ?? []);
  }

  /** Runs until shutdown() (or, with `once`, until there is nothing left to do). */
  async run(): Promise<void> {
    this.reaper.start();
    const heartbeats = this.heartbeatLoop();
    try {
      await this.claimLoop();
      while (this.settling.size > 0) await Promise.allSettled([...this.settling]);
    } finally {
      this.ended = true;
      this.nudge?.();
      await heartbeats;
      this.reaper.stop();
    }
  }

  /** Stop claiming, stop every step process, release every lease; run() then returns. */
  shutdown(reason: string): void {
    if (this.stopping) return;
    this.stopping = true;
    this.options.log(null, null, `shutting down (${reason}): stopping ${this.held.size} run(s) and releasing their leases`);
    for (const h of this.held.values()) h.exec.halt('stopped', 'runner shutting down');
    this.nudge?.();
  }

  get heldRuns(): string[] {
    return [...this.held.keys()];
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.nudge = done;
    });
  }

  private async claimLoop(): Promise<void> {
    const { api, capacity, leaseSeconds, log } = this.options;
    while (!this.stopping) {
      const room = capacity - this.held.size;
      let claimed = 0;
      if (room > 0) {
        const sentAt = Date.now();
        try {
          const runs = await api.claim(room);
          claimed = runs.length;
          if (this.claimTrouble) log(null, null, 'claiming again');
          this.claimTrouble = false;
          for (const run of runs) this.adopt(run, sentAt + leaseSeconds * 1000);
        } catch (err) {
          // With `once` and nothing held there is nothing to wait for: say so instead of retrying forever.
          if (this.options.once && this.held.size === 0) throw new RunnerUnreachable(`cannot claim runs from ${api.baseUrl}: ${errorText(err)}`);
          if (!this.claimTrouble) log(null, null, `cannot claim runs from ${api.baseUrl}: ${errorText(err)} (retrying)`);
          this.claimTrouble = true;
        }
      }
      if (this.options.once && claimed === 0 && this.held.size === 0 && !this.claimTrouble) return;
      if (this.stopping) return;
      await this.pause(this.options.pollMs ?? 1_000);
    }
  }

  private adopt(claimed: ClaimedRun, deadline: number): void {
    const o = this.options;
    const runId = claimed.run.id;
    const exec = new RunExecution(claimed, {
      api: o.api,
      runnerId: o.id,
      workDir: o.workDir,
      slots: this.slots,
      reaper: this.reaper,
      tailBytes: o.tailBytes ?? 8192,
      graceMs: o.graceMs ?? 1_000,
      baseEnv: o.baseEnv ?? process.env,
      logLimitBytes: o.logLimitBytes ?? DEFAULT_LOG_LIMIT_BYTES,
      secrets: this.secrets,
      log: o.log,
      leaseOk: (id) => Date.now() < (this.held.get(id)?.deadline ?? 0),
    });
    this.held.set(runId, { exec, deadline });
    if (this.stopping) exec.halt('stopped', 'runner shutting down'); // claimed while shutdown began: give it back
    const done = claimed.nodes.filter((n) => n.status === 'success' || n.status === 'skipped').length;
    o.log(runId, null, `claimed: workflow ${claimed.run.workflow} on ${claimed.run.versionId}, ${done}/${claimed.nodes.length} step(s) already done`);
    const settled = exec
      .run()
      .catch((err: unknown) => {
        o.log(runId, null, `internal error: ${errorText(err)}`);
        return 'stopped' as const;
      })
      .then((outcome) => this.settle(runId, outcome));
    this.settling.add(settled);
    void settled.finally(() => this.settling.delete(settled));
  }

  private async settle(runId: string, outcome: Outcome): Promise<void> {
    const { api, log } = this.options;
    this.held.delete(runId);
    if (outcome !== 'lost') {
      try {
        await withRetry(
          () => api.release([runId]),
          () => true,
          4,
        );
        log(runId, null, `lease released (${outcome})`);
      } catch (err) {
        log(runId, null, `could not release the lease (${errorText(err)}); it expires by itself`);
      }
    } else log(runId, null, 'dropped: the lease is no longer ours');
    if (this.options.clean) await fs.rm(runLayout(this.options.workDir, runId).root, { recursive: true, force: true }).catch(() => undefined);
    this.nudge?.();
  }

  private async heartbeatLoop(): Promise<void> {
    const { api, leaseSeconds, log } = this.options;
    let trouble = false;
    const every = this.options.heartbeatMs ?? 1_000;
    let next = Date.now() + every;
    while (!this.ended) {
      // A fixed cadence (not `every` after the previous answer), so a slow answer does not delay the next one.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      next = Math.max(next + every, Date.now() + every / 2);
      const live = [...this.held].filter(([, h]) => h.exec.active());
      if (live.length === 0) continue;
      const sentAt = Date.now();
      try {
        const states = await api.heartbeat(live.map(([id]) => id));
        if (trouble) log(null, null, 'heartbeats get through again');
        trouble = false;
        for (const [id, h] of live) {
          const s = states.get(id);
          if (s?.state === 'ok') h.deadline = sentAt + leaseSeconds * 1000;
          else if (!h.exec.active())
            continue; // it ended while the heartbeat was under way (e.g. finished)
          else if (!s || s.state === 'lost') h.exec.halt('lost', 'heartbeat: the lease is lost');
          else h.exec.halt('stopped', `heartbeat: the run is ${s.state}`);
        }
      } catch (err) {
        if (!trouble) log(null, null, `heartbeat failed: ${errorText(err)}`);
        trouble = true;
      }
      for (const [id, h] of this.held) {
        if (h.exec.active() && Date.now() >= h.deadline) {
          log(id, null, 'no heartbeat got through before the lease ran out');
          h.exec.halt('lost', 'lease expired');
        }
      }
    }
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The last `limit` bytes written, for a step's stdout/stderr tail in its node output. */
export class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  private dropped = false;

  constructor(readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    while (this.size - (this.chunks[0]?.byteLength ?? 0) >= this.limit && this.chunks.length > 1) {
      this.size -= (this.chunks.shift() as Buffer).byteLength;
      this.dropped = true;
    }
  }

  /** The tail as text; a multi-byte character cut at the start is dropped, and a cut is marked with `…`. */
  text(): string {
    const all = Buffer.concat(this.chunks);
    const cut = all.byteLength > this.limit;
    let tail = cut ? all.subarray(all.byteLength - this.limit) : all;
    if (cut) while (tail.length > 0 && ((tail[0] as number) & 0xc0) === 0x80) tail = tail.subarray(1);
    return `${cut || this.dropped ? '…' : ''}${tail.toString('utf8')}`;
  }
}

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Set when stop() ended it. */
  stopped: string | null;
}

export interface StepProcess {
  readonly pid: number;
  readonly done: Promise<ProcessResult>;
  /** SIGTERM to the whole process group, SIGKILL after the grace time; resolves once the shell exited. */
  stop(reason: string): Promise<ProcessResult>;
}

export interface SpawnOptions {
  command: string;
  cwd: string;
  env: Record<string, string>;
  /** stdout and stderr, interleaved as they arrive. */
  logFile: string;
  tailBytes?: number;
  graceMs?: number;
  reaper?: Reaper;
  /** Each chunk of output as it is read (it must not block: the child waits on a full pipe). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Runs a step's command with `/bin/sh -c` in its own process group (so stop() reaches every process it
 * started), stdin closed, stdout/stderr to the log file and to tails. Whatever the shell leaves behind in
 * its group is killed once it exits.
 */
export function spawnStep(options: SpawnOptions): StepProcess {
  const started = Date.now();
  const log = fs.createWriteStream(options.logFile);
  const tails = { stdout: new Tail(options.tailBytes ?? 8192), stderr: new Tail(options.tailBytes ?? 8192) };
  const child: ChildProcess = spawn('/bin/sh', ['-c', options.command], {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  let stopped: string | null = null;
  const done = new Promise<ProcessResult>((resolve) => {
    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (settled) return;
      settled = true;
      if (pid) {
        killGroup(pid, 'SIGKILL');
        options.reaper?.untrack(pid);
      }
      if (error) tails.stderr.push(Buffer.from(`flowdeck runner: could not start /bin/sh: ${error.message}\n`));
      // Let the pipes drain (a killed background child may have held them), then close the log.
      const closeLog = () =>
        log.end(() => resolve({ exitCode, signal, stdout: tails.stdout.text(), stderr: tails.stderr.text(), durationMs: Date.now() - started, stopped }));
      if (child.stdout?.readableEnded !== false && child.stderr?.readableEnded !== false) closeLog();
      else {
        const timer = setTimeout(closeLog, 500);
        child.once('close', () => {
          clearTimeout(timer);
          closeLog();
        });
      }
    };
    child.once('exit', (code, signal) => finish(code, signal));
    child.once('error', (err) => finish(null, null, err));
  });
  if (pid) options.reaper?.track(pid);
  for (const name of ['stdout', 'stderr'] as const) {
    child[name]?.on('data', (chunk: Buffer) => {
      tails[name].push(chunk);
      log.write(chunk);
      options.onOutput?.(name, chunk);
    });
  }
  return {
    pid: pid ?? -1,
    done,
    async stop(reason) {
      if (!pid || child.exitCode !== null || child.signalCode !== null) return done;
      stopped ??= reason;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), options.graceMs ?? 1_000);
      const result = await done;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The runner's side of reaper.mjs: tells it which process groups are live. */
export class Reaper {
  private child: ChildProcess | null = null;

  start(): void {
    if (this.child) return;
    const script = fileURLToPath(new URL('./reaper.mjs', import.meta.url));
    this.child = spawn(process.execPath, [script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    this.child.unref();
    (this.child.stdin as Socket | null)?.unref?.();
    this.child.stdin?.on('error', () => undefined);
  }

  track(pgid: number): void {
    this.child?.stdin?.write(`+${pgid}\n`);
  }

  untrack(pgid: number): void {
    this.child?.stdin?.write(`-${pgid}\n`);
  }

  /** Ends the reaper (it kills whatever is still tracked). */
  stop(): void {
    this.child?.stdin?.end();
    this.child = null;
  }
}

// Processes for bench/workflow-sync.ts: every server and CLI in a process group of its own, stopped by group
// (kill -- -pgid), so nothing outlives the benchmark; the Flowdeck server as the e2e specs start it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../e2e/fixtures/free-port';
import { ROOT } from './lib';

export interface Group {
  pid: number;
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output(): string;
  stdout(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const live = new Set<Group>();

/** Spawns a command as the leader of a new process group; stdout and stderr are kept (and echoed when `echo`). */
export function spawnGroup(command: string, args: string[], opts: { env: Record<string, string | undefined>; cwd?: string; echo?: boolean }): Group {
  const child = spawn(command, args, { cwd: opts.cwd ?? ROOT, env: opts.env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  for (const s of [child.stdout, child.stderr]) {
    s?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.length > 4_000_000) out = out.slice(-2_000_000);
      if (opts.echo) process.stdout.write(d);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      out += `\n[${path.basename(args[0] ?? command)} exited: ${signal ?? code}]\n`;
      resolve(code);
    }),
  );
  const group: Group = {
    pid: child.pid as number,
    child,
    output: () => out,
    stdout: () => stdout,
    exited,
    async stop() {
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(-group.pid, sig);
        } catch {
          // the group is gone
        }
      };
      if (child.exitCode === null && child.signalCode === null) {
        signal('SIGTERM');
        const killer = setTimeout(() => signal('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      signal('SIGKILL'); // whatever the leader left behind in its group
      live.delete(group);
    },
  };
  live.add(group);
  return group;
}

const cleanups = new Set<() => Promise<void>>();

/** Registers a cleanup for stopAll (a process started elsewhere, a database); returns its unregister. */
export function atStop(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Stops every group still running and runs the registered cleanups (on error or interrupt). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((g) => g.stop()));
  for (const fn of cleanups) await fn().catch(() => undefined);
  cleanups.clear();
}

export { freePort };

/** This process's environment without what would point a child elsewhere. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'DATABASE_URL' && k !== 'PORT' && !k.startsWith('FLOWDECK_') && !k.startsWith('WORKFLOW_')) env[k] = v;
  return env;
}

/** Builds the dashboard once when there is no `.next` build. */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  console.log('no .next build: running `npx next build` once');
  execFileSync('npx', ['next', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

export interface Flowdeck {
  url: string;
  group: Group;
  stop(): Promise<void>;
}

/** `next start` on a fresh store (PGlite in `dataDir`, or the database `databaseUrl`), no demo data; resolves once /api/v1/health answers. */
export async function startFlowdeck(store: { dataDir: string; databaseUrl?: string }, nodeFlags: string[] = []): Promise<Flowdeck> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...cleanEnv(),
    NEXT_TELEMETRY_DISABLED: '1',
    FLOWDECK_DATA_DIR: path.join(store.dataDir, 'db'),
    FLOWDECK_BLOB_DIR: path.join(store.dataDir, 'blobs'),
    FLOWDECK_DEMO: '0',
    FLOWDECK_BIND_HOST: '127.0.0.1',
    FLOWDECK_ROOT: ROOT,
    PORT: String(port),
    ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
  };
  const group = spawnGroup(
    process.execPath,
    [...nodeFlags, path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    { env },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (group.child.exitCode !== null) throw new Error(`flowdeck server exited with ${group.child.exitCode}\n${group.output().slice(-3000)}`);
    const res = await fetch(`${url}/api/v1/health`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) throw new Error(`flowdeck server did not answer in 120 s\n${group.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, group, stop: () => group.stop() };
}

/** CPU seconds of this process's children that have exited and been waited for (cutime + cstime of /proc/self/stat). */
export function reapedChildrenCpu(): number {
  try {
    const text = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return 0;
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  seconds: number;
  /** CPU seconds of the whole CLI process tree (launcher, tsx, the connector), counted as it exits. */
  cpu: number;
}

/**
 * `flowdeck <args>` against `url` to completion, in a group of its own. With node flags (a CPU profile), the
 * CLI runs in one node process under tsx's loader instead of through the launcher.
 */
export async function runCli(args: string[], url: string, nodeFlags: string[] = []): Promise<CliRun> {
  const cpu0 = reapedChildrenCpu();
  const t = performance.now();
  const argv = nodeFlags.length
    ? [...nodeFlags, '--import', 'tsx', path.join(ROOT, 'lib/cli/main.ts'), ...args]
    : [path.join(ROOT, 'bin/flowdeck.mjs'), ...args];
  const g = spawnGroup(process.execPath, argv, { env: { ...cleanEnv(), FLOWDECK_URL: url } });
  const code = await g.exited;
  const seconds = (performance.now() - t) / 1000;
  await g.stop();
  return { code, stdout: g.stdout(), seconds, cpu: reapedChildrenCpu() - cpu0 };
}

export async function getJson<T = any>(url: string): Promise<T> {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** A throwaway database on the PostgreSQL server of `base`; drop() removes it `with (force)`. */
export async function throwawayDatabase(base: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * CPU seconds of the PostgreSQL backends serving `database`, including backends that end while it runs (a
 * CLI's connections close as it exits, and proc-stats' postgresBackendCpu sees only live ones): polls every
 * 200 ms and keeps each backend's last reading.
 */
export function sampleBackends(database: string): { stop(): number } {
  const base = new Map<number, number>();
  const last = new Map<number, number>();
  const read = (initial: boolean) => {
    for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue;
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
        const cpu = (Number(f[11]) + Number(f[12])) / 100;
        if (initial) base.set(Number(pid), cpu); // a backend already there counts from now, a new one from its start
        last.set(Number(pid), cpu);
      } catch {
        // gone
      }
    }
  };
  read(true);
  const timer = setInterval(() => read(false), 200);
  return {
    stop() {
      clearInterval(timer);
      read(false);
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (base.get(pid) ?? 0);
      return total;
    },
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Reaper, spawnStep, Tail } from './process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-process-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const waitFor = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('Tail', () => {
  it('keeps the last bytes and marks the cut', () => {
    const tail = new Tail(8);
    for (const s of ['hello ', 'world ', 'again']) tail.push(Buffer.from(s));
    expect(tail.text()).toBe('…ld again');
  });
  it('keeps everything under the limit unmarked', () => {
    const tail = new Tail(100);
    tail.push(Buffer.from('a\n'));
    tail.push(Buffer.from('b\n'));
    expect(tail.text()).toBe('a\nb\n');
  });
  it('never starts with half a character', () => {
    const tail = new Tail(4);
    tail.push(Buffer.from('ééé')); // 6 bytes
    expect(tail.text()).toBe('…éé');
  });
});

describe('spawnStep', () => {
  it('runs /bin/sh -c in the working directory with the given env, capturing output and exit code', async () => {
    const log = path.join(dir, 'a.log');
    const p = spawnStep({ command: 'echo "in $PWD with $GREETING"; echo oops >&2; exit 3', cwd: dir, env: { ...env, GREETING: 'hi' }, logFile: log });
    const r = await p.done;
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe(`in ${dir} with hi\n`);
    expect(r.stderr).toBe('oops\n');
    expect(fs.readFileSync(log, 'utf8')).toContain('oops\n');
    expect(r.stopped).toBeNull();
  });

  it('keeps only the tail of a large output, the log keeps everything', async () => {
    const log = path.join(dir, 'big.log');
    const r = await spawnStep({ command: 'seq 1 20000', cwd: dir, env, logFile: log, tailBytes: 64 }).done;
    expect(r.stdout.endsWith('19999\n20000\n')).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBeLessThanOrEqual(64 + 3);
    expect(fs.readFileSync(log, 'utf8').split('\n')).toHaveLength(20001);
  });

  it('stop() ends the whole process group, even a child that ignores SIGTERM', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const p = spawnStep({
      command: `sh -c 'trap "" TERM; echo $$ > ${pidFile}; while true; do sleep 0.1; done' & wait`,
      cwd: dir,
      env,
      logFile: path.join(dir, 'stop.log'),
      graceMs: 300,
    });
    expect(await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '')).toBe(true);
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    const started = Date.now();
    const r = await p.stop('cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.stopped).toBe('cancelled');
    expect(await waitFor(() => !alive(child), 2_000)).toBe(true);
  });

  it('hands each chunk of output to onOutput as it is read, stream by stream', async () => {
    const seen: Record<string, string> = { stdout: '', stderr: '' };
    const r = await spawnStep({
      command: 'echo out; echo err >&2; printf tail',
      cwd: dir,
      env,
      logFile: path.join(dir, 'chunks.log'),
      onOutput: (stream, chunk) => {
        seen[stream] += chunk.toString('utf8');
      },
    }).done;
    expect(r.exitCode).toBe(0);
    expect(seen).toEqual({ stdout: 'out\ntail', stderr: 'err\n' });
  });

  it('reports a shell that cannot start in a missing directory', async () => {
    const r = await spawnStep({ command: 'true', cwd: path.join(dir, 'missing'), env, logFile: path.join(dir, 'missing.log') }).done;
    expect(r.exitCode).toBeNull();
    expect(r.stderr).toContain('could not start');
  });
});

describe('Reaper', () => {
  it('kills the tracked groups once its input ends (the runner died)', async () => {
    const reaper = new Reaper();
    reaper.start();
    const pidFile = path.join(dir, 'orphan.pid');
    const p = spawnStep({ command: `echo $$ > ${pidFile}; sleep 30`, cwd: dir, env, logFile: path.join(dir, 'orphan.log'), reaper });
    expect(await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '')).toBe(true);
    reaper.stop();
    const r = await p.done;
    expect(r.signal).toBe('SIGKILL');
  });
});

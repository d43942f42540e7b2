import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, StoreLockedError, takeoverClaimPath, UNREADABLE_LOCK_GRACE_MS } from './lock';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function deadPid(): number {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(dead.stdout);
}

function lockIn(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  return path.join(dir, 'db.lock');
}

// The openers run lock.ts compiled once to plain JavaScript (by the esbuild tsx brings): twenty TypeScript
// loaders would cost seconds of start-up.
const compiled = path.join(tmp, 'lock.mjs');
fs.writeFileSync(compiled, transformSync(fs.readFileSync(path.join(import.meta.dirname, 'lock.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code);

// Each opener is a process of its own: it says `ready`, calls acquireLock at the time (epoch ms) it is sent on
// stdin, so that all call it together, says `won` or `locked <pid>`, and holds what it got until stdin closes.
const OPENER = `
const { acquireLock, StoreLockedError } = await import(${JSON.stringify(pathToFileURL(compiled).href)});
const say = (line) => process.stdout.write(line + '\\n');
process.stdin.once('data', (line) => {
  const wait = Number(String(line)) - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  try {
    acquireLock(process.argv[1]);
    say('won');
  } catch (err) {
    say(err instanceof StoreLockedError ? 'locked ' + err.holderPid : 'error ' + String(err));
  }
});
process.stdin.on('end', () => process.exit(0));
say('ready');
`;

function spawnOpener(lockPath: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--input-type=module', '-e', OPENER, lockPath], { stdio: 'pipe' });
}

function nextLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes('\n')) return;
      child.stdout.off('data', onData);
      resolve(text.trim());
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`opener ${child.pid} exited (${code}) before answering`)));
  });
}

/** Starts `n` openers, lets them all go at once, and returns what each got, still holding it. */
async function race(lockPath: string, n: number) {
  const openers = Array.from({ length: n }, () => spawnOpener(lockPath));
  const done = () =>
    Promise.all(
      openers.map(
        (o) =>
          new Promise((resolve) => {
            if (o.exitCode !== null) return resolve(null);
            o.once('exit', resolve);
            o.stdin.end();
          }),
      ),
    );
  try {
    expect(await Promise.all(openers.map(nextLine))).toEqual(Array(n).fill('ready'));
    const answers = openers.map(nextLine);
    const at = Date.now() + 200;
    for (const o of openers) o.stdin.write(`${at}\n`);
    const results = (await Promise.all(answers)).map((answer, i) => ({ pid: openers[i]!.pid!, answer }));
    return { results, done };
  } catch (err) {
    await done();
    throw err;
  }
}

describe('lock file', () => {
  it('gives a stale lock to exactly one of 20 processes taking it over at once', async () => {
    const lockPath = lockIn('race');
    fs.writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), host: 'x', since: '2026-01-01' }));
    const { results, done } = await race(lockPath, 20);
    const winners = results.filter((r) => r.answer === 'won');
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.pid;
    expect(results.filter((r) => r.pid !== winner).map((r) => r.answer)).toEqual(Array(19).fill(`locked ${winner}`));
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: winner });
    expect(fs.readdirSync(path.dirname(lockPath))).toEqual(['db.lock']);
    await done();
    expect(fs.readdirSync(path.dirname(lockPath))).toEqual([]);
  });

  it('never takes over a live holder', () => {
    const lockPath = lockIn('live');
    const release = acquireLock(lockPath);
    const held = fs.readFileSync(lockPath, 'utf8');
    expect(() => acquireLock(lockPath)).toThrow(StoreLockedError);
    expect(() => acquireLock(lockPath)).toThrow(`in use by another process (pid ${process.pid}, lock ${lockPath})`);
    // A lock written by an older version (no nonce) naming a live process counts the same.
    fs.writeFileSync(`${lockPath}.old`, JSON.stringify({ pid: process.pid, host: 'x', since: '2026-01-01' }));
    expect(() => acquireLock(`${lockPath}.old`)).toThrow(StoreLockedError);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(held);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('leaves an unreadable lock alone while it is young, and takes it over once it is old', () => {
    const lockPath = lockIn('unreadable');
    fs.writeFileSync(lockPath, '');
    expect(() => acquireLock(lockPath)).toThrow(StoreLockedError);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe('');
    const old = (Date.now() - UNREADABLE_LOCK_GRACE_MS - 1_000) / 1_000;
    fs.utimesSync(lockPath, old, old);
    const release = acquireLock(lockPath);
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(fs.readdirSync(path.dirname(lockPath))).toEqual([]);
  });

  it('takes over past a process that died in the middle of a takeover', () => {
    const lockPath = lockIn('crashed');
    const dead = deadPid();
    fs.writeFileSync(lockPath, JSON.stringify({ pid: dead, host: 'x', since: '2026-01-01', nonce: 'a' }));
    // What a takeover that crashed leaves: its holder file, linked as the claim on the stale lock.
    fs.writeFileSync(`${lockPath}.b.tmp`, JSON.stringify({ pid: dead, host: 'x', since: '2026-01-01', nonce: 'b' }));
    fs.linkSync(`${lockPath}.b.tmp`, takeoverClaimPath(lockPath)!);
    const release = acquireLock(lockPath);
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(fs.readdirSync(path.dirname(lockPath))).toEqual(['db.lock']);
    release();
  });

  it('removes on release only a lock it still holds', () => {
    const lockPath = lockIn('release');
    const release = acquireLock(lockPath);
    fs.rmSync(lockPath);
    const other = JSON.stringify({ pid: process.pid, host: 'x', since: '2026-01-01', nonce: 'other' });
    fs.writeFileSync(lockPath, other);
    release();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(other);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export class StoreLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database is in use by another process (${holderPid >= 0 ? `pid ${holderPid}, ` : ''}lock ${lockPath}). ` +
        'Only one process may open it: stop that process, or talk to it through the HTTP API.',
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * A lock file without a readable holder cannot come from this code (it writes the holder before the file
 * appears), only from an older version between creating the file and writing it: stale once this old.
 */
export const UNREADABLE_LOCK_GRACE_MS = 5_000;
/** How long an opener waits for another opener that is taking over the same stale lock. */
const TAKEOVER_WAIT_MS = 2_000;

/** A killed process may linger as a zombie until it is reaped: on Linux, that counts as dead. */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A lock (or takeover claim) file as read at one moment. */
interface LockFile {
  /** Identifies this very file: its inode, modification time and content. A replaced file has another. */
  generation: string;
  pid: number | null;
  nonce: string | null;
  ageMs: number;
}

function readLockFile(filePath: string): LockFile | null {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    const text = fs.readFileSync(fd, 'utf8');
    const generation = createHash('sha256').update(`${stat.ino}:${stat.mtimeMs}:${text}`).digest('hex').slice(0, 24);
    let holder: { pid?: unknown; nonce?: unknown } = {};
    try {
      holder = JSON.parse(text) as typeof holder;
    } catch {
      // unreadable: an older version's lock caught between creation and write
    }
    return {
      generation,
      pid: typeof holder?.pid === 'number' ? holder.pid : null,
      nonce: typeof holder?.nonce === 'string' ? holder.nonce : null,
      ageMs: Date.now() - stat.mtimeMs,
    };
  } finally {
    fs.closeSync(fd);
  }
}

function isStale(file: LockFile): boolean {
  return file.pid === null ? file.ageMs >= UNREADABLE_LOCK_GRACE_MS : !isAlive(file.pid);
}

/** Gives `target` the content of `source` only if `target` does not exist yet: atomic, so never seen empty. */
function linkIfAbsent(source: string, target: string): boolean {
  try {
    fs.linkSync(source, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Removes a file only if it is still the one that was read. */
function removeIfUnchanged(filePath: string, generation: string): void {
  if (readLockFile(filePath)?.generation === generation) fs.rmSync(filePath, { force: true });
}

/** Where an opener writes its holder before linking or renaming it into place. */
function holderFilePath(lockPath: string, nonce: string): string {
  return `${lockPath}.${nonce}.tmp`;
}

/**
 * The claim a takeover of a lock file of this generation must create. Only the creator of a file's claim may
 * replace that file; a claim left by a dead claimant is itself taken over through the claim named after it.
 */
function claimPath(lockPath: string, generation: string): string {
  return `${lockPath}.takeover-${generation}`;
}

/** The claim a takeover of the lock file as it is now would create; null when there is no lock file. */
export function takeoverClaimPath(lockPath: string): string | null {
  const current = readLockFile(lockPath);
  return current && claimPath(lockPath, current.generation);
}

type Takeover = { outcome: 'won' } | { outcome: 'retry' } | { outcome: 'busy'; pid: number };

/**
 * Replaces the stale lock file `stale` by ours (`mine`, a file already holding our holder).
 *
 * To replace the file of generation G, an opener creates the claim `takeover-G` by link, which exactly one
 * opener can do; under it, it re-reads the lock and renames its own file over it only if it is still G and
 * still stale. Nothing else changes a lock file whose holder is dead, so the check and the rename cannot
 * be interleaved with another writer. If the claim's creator died before finishing, its claim (generation
 * C) is succeeded the same way through `takeover-C`, so a crash never blocks the lock for good.
 */
function takeOver(lockPath: string, stale: LockFile, mine: string): Takeover {
  const passed: Array<{ path: string; file: LockFile }> = [];
  let generation = stale.generation;
  for (;;) {
    const claim = claimPath(lockPath, generation);
    if (linkIfAbsent(mine, claim)) {
      const ours = readLockFile(claim)?.generation ?? '';
      try {
        const current = readLockFile(lockPath);
        if (current?.generation !== stale.generation || !isStale(current)) return { outcome: 'retry' };
        fs.renameSync(mine, lockPath);
        // The lock no longer is generation G, so no one can act on the claims that led here: tidy them, and
        // the holder files their dead creators left (a holder file is the same file as its claim or lock).
        for (const dead of [{ path: null, file: stale }, ...passed]) {
          if (dead.path) removeIfUnchanged(dead.path, dead.file.generation);
          if (dead.file.nonce) removeIfUnchanged(holderFilePath(lockPath, dead.file.nonce), dead.file.generation);
        }
        return { outcome: 'won' };
      } finally {
        removeIfUnchanged(claim, ours);
      }
    }
    const claimant = readLockFile(claim);
    if (claimant === null) return { outcome: 'retry' };
    if (!isStale(claimant)) return { outcome: 'busy', pid: claimant.pid ?? -1 };
    passed.push({ path: claim, file: claimant });
    generation = claimant.generation;
  }
}

function holding(lockPath: string, nonce: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // While we live, no one else replaces our lock file: the check and the removal cannot be interleaved.
    if (readLockFile(lockPath)?.nonce === nonce) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return release;
}

/**
 * Takes the exclusive lock file of an embedded data directory; a lock left by a dead process is taken over.
 * Of any number of processes opening at once, exactly one gets it, and a live holder's lock is never taken.
 * Returns the release function.
 */
export function acquireLock(lockPath: string): () => void {
  const nonce = randomBytes(12).toString('hex');
  // Our holder is written in full before it is linked or renamed into place: no one sees a lock half-written.
  const mine = holderFilePath(lockPath, nonce);
  fs.writeFileSync(mine, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), nonce }), { flag: 'wx' });
  try {
    const deadline = Date.now() + TAKEOVER_WAIT_MS;
    for (;;) {
      if (linkIfAbsent(mine, lockPath)) return holding(lockPath, nonce);
      const current = readLockFile(lockPath);
      if (current === null) continue;
      if (!isStale(current)) throw new StoreLockedError(lockPath, current.pid ?? -1);
      const takeover = takeOver(lockPath, current, mine);
      if (takeover.outcome === 'won') return holding(lockPath, nonce);
      if (Date.now() > deadline) throw new StoreLockedError(lockPath, takeover.outcome === 'busy' ? takeover.pid : (current.pid ?? -1));
      // Another opener is taking the same stale lock over, or just did: look again in a moment.
      if (takeover.outcome === 'busy') sleep(5);
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

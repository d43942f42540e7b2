import { type Dirent, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  describeIssue,
  type RunProblem,
  SdkEventSchema,
  type SdkHook,
  SdkHookSchema,
  type SdkReadResult,
  SdkRunSchema,
  type SdkRunSnapshot,
  SdkStepSchema,
  SdkWaitSchema,
} from './types';

/**
 * Reads a world-local data directory (@workflow/world-local) without writing to it.
 *
 * Layouts (read from the package sources, fs.js, storage/*.js):
 * - flat (4.x, and every 5.0 beta published up to 5.0.0-beta.46): `runs/<runId>.json`,
 *   `steps/<runId>-<stepId>.json`, `events/<runId>-<eventId>.json`, `waits/<runId>-<correlationId>.json`,
 *   `hooks/<hookId>.json` (5.x adds `hooks/{by-run,token-index,id-index}/` beside them), `streams/`.
 *   Event ids are ULIDs, or from 5.0 betas on, per-run slots `evnt_` + 26 zero-padded digits.
 * - run-scoped (the SDK's development line after beta.46, unreleased when this was written): the same files,
 *   same names, one level down in `events/<runId>/` and `steps/<runId>/`, with `layout.json`
 *   `{ schema: 1, state: 'run-scoped' | 'migrating' | 'flattening' }` at the top.
 * Both are read entry by entry: a file in `events/` is flat, a directory is a run's own, so a directory
 * half-way through a conversion without a marker still reads whole. A marker saying a conversion is under
 * way is refused (files are moving). A file may carry a tag (`<id>.<tag>.json`, test worlds): untagged files
 * are read, tagged ones only for the reader's own `tag` (and then preferred, as the world does).
 *
 * Cost: a scan lists each directory once and groups files by run id: never a directory listing per run in
 * the flat layout (the run-scoped layout lists each read run's own two directories). Files are read with
 * synchronous calls, a run at a time, yielding to the event loop between runs: for small files that is about
 * three times faster than promise-based reads on the same machine. A malformed or half-written file never
 * throws: its run comes back as a `RunProblem` and is not read at all this round.
 */
export type LocalLayout = 'flat' | 'run-scoped';

export interface LocalRunEntry {
  runId: string;
  /** mtime of the run's file. */
  mtimeMs: number;
  /** Changes whenever the run's file or event log changes (a step finishing writes no run file). */
  changeKey: string;
}

export interface LocalWorldReader {
  info(): Promise<{ version: string | null; layout: LocalLayout }>;
  listRunIds(): Promise<LocalRunEntry[]>;
  readRun(runId: string): Promise<SdkRunSnapshot | RunProblem>;
  readRuns(runIds: readonly string[]): Promise<SdkReadResult>;
  /** Every run, `batchSize` at a time, from one listing of the directories. */
  scanBatches(batchSize?: number): AsyncGenerator<SdkReadResult>;
  scan(): Promise<SdkReadResult>;
}

export class LocalLayoutError extends Error {}

interface Options {
  /** Also read files of this tag (`<id>.<tag>.json`). */
  tag?: string;
}

interface Listing {
  /** runId → path of its run file. */
  runs: Map<string, string>;
  /** runId → flat file paths; runIds with their own subdirectory are in `*Dirs`. */
  events: Map<string, string[]>;
  steps: Map<string, string[]>;
  waits: Map<string, string[]>;
  eventDirs: Set<string>;
  stepDirs: Set<string>;
  hooks: string[];
}

const TAG = /\.[a-zA-Z][a-zA-Z0-9-]*$/;
const SEPARATORS = ['-evnt_', '-step_', '-wait_'];
const TERMINAL_RUN_EVENTS = new Set(['run_completed', 'run_failed', 'run_cancelled']);

export function readLocalWorld(dataDir: string, options: Options = {}): LocalWorldReader {
  const root = path.resolve(dataDir);

  /** The file's id without `.json` and tag, or null when it is not visible to this reader. */
  function visibleId(name: string): { id: string; tagged: boolean } | null {
    if (!name.endsWith('.json')) return null;
    const fileId = name.slice(0, -5);
    const id = fileId.replace(TAG, '');
    if (id === fileId) return { id, tagged: false };
    return options.tag && fileId === `${id}.${options.tag}` ? { id, tagged: true } : null;
  }

  /** Visible `.json` files of a directory, one per id (a tagged file wins over the untagged one). */
  function pickFiles(dir: string, entries: Dirent[]): Map<string, string> {
    const chosen = new Map<string, { file: string; tagged: boolean }>();
    for (const e of entries) {
      if (!e.isFile()) continue;
      const v = visibleId(e.name);
      if (!v || (chosen.get(v.id)?.tagged && !v.tagged)) continue;
      chosen.set(v.id, { file: path.join(dir, e.name), tagged: v.tagged });
    }
    return new Map([...chosen].map(([id, c]) => [id, c.file]));
  }

  async function layoutMarker(): Promise<'run-scoped' | null> {
    const dir = await fs.stat(root).catch(() => null);
    if (!dir?.isDirectory()) throw new LocalLayoutError(`${root} is not a directory`);
    const text = await readText(path.join(root, 'layout.json'));
    if (text === null) return null;
    let marker: { schema?: unknown; state?: unknown };
    try {
      marker = JSON.parse(text) as typeof marker;
    } catch {
      throw new LocalLayoutError(`${root}/layout.json is not valid JSON: the directory's layout is unknown`);
    }
    if (marker.schema === 1 && marker.state === 'run-scoped') return 'run-scoped';
    if (marker.schema === 1 && (marker.state === 'migrating' || marker.state === 'flattening')) {
      throw new LocalLayoutError(`${root} is being converted (${String(marker.state)}); read it once the conversion has finished`);
    }
    throw new LocalLayoutError(`${root}/layout.json (schema ${String(marker.schema)}, state ${String(marker.state)}) is from a newer world-local`);
  }

  /** One listing of the directories (`runs/` and `events/` only, for change detection). */
  async function list(whole = true): Promise<Listing> {
    await layoutMarker();
    // Events first: the world writes an entity before its event, so entities read later are never older
    // than the events listed here (see `inconsistent`).
    const eventEntries = await readDir(path.join(root, 'events'));
    const [runEntries, stepEntries, waitEntries, hookEntries] = await Promise.all(
      ['runs', 'steps', 'waits', 'hooks'].map((d) => (whole || d === 'runs' ? readDir(path.join(root, d)) : [])),
    );
    const runs = pickFiles(path.join(root, 'runs'), runEntries!);
    const grouped = (dir: string, entries: Dirent[]) => {
      const byRun = new Map<string, string[]>();
      for (const [id, file] of pickFiles(path.join(root, dir), entries)) {
        const runId = runIdOf(id, runs);
        if (runId) push(byRun, runId, file);
      }
      return byRun;
    };
    const subdirs = (entries: Dirent[]) => new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
    return {
      runs,
      events: grouped('events', eventEntries),
      steps: grouped('steps', stepEntries!),
      waits: grouped('waits', waitEntries!),
      eventDirs: subdirs(eventEntries),
      stepDirs: subdirs(stepEntries!),
      hooks: [...pickFiles(path.join(root, 'hooks'), hookEntries!).values()],
    };
  }

  /** A run's files of one kind: its flat files plus those in its own subdirectory. */
  function runFiles(kind: 'events' | 'steps', listing: Listing, runId: string): string[] {
    const flat = listing[kind].get(runId) ?? [];
    if (!(kind === 'events' ? listing.eventDirs : listing.stepDirs).has(runId)) return flat;
    const dir = path.join(root, kind, runId);
    return [...flat, ...pickFiles(dir, readDirSync(dir)).values()];
  }

  function readHooks(listing: Listing): Map<string, SdkHook[]> {
    const byRun = new Map<string, SdkHook[]>();
    // A hook file names no run, so all are read (only live hooks have one). One that does not parse is
    // passed over: the run's hook_created event carries the same token and metadata.
    for (const file of listing.hooks) {
      const parsed = readRecord(file, SdkHookSchema, 'hook');
      if (parsed && 'record' in parsed) push(byRun, parsed.record.runId, parsed.record);
    }
    return byRun;
  }

  function readOne(listing: Listing, hooks: Map<string, SdkHook[]>, runId: string): SdkRunSnapshot | RunProblem {
    const runFile = listing.runs.get(runId);
    if (!runFile) return { runId, problem: 'no run file' };
    const run = readRecord(runFile, SdkRunSchema, 'run file');
    if (!run) return { runId, problem: 'run file vanished while reading' };
    if ('problem' in run) return { runId, problem: run.problem };
    if (run.record.runId !== runId) return { runId, problem: `run file holds run ${run.record.runId}` };
    const snapshot: SdkRunSnapshot = { run: run.record, steps: [], events: [], hooks: hooks.get(runId) ?? [], waits: [] };
    const kinds = [
      [runFiles('events', listing, runId), SdkEventSchema, 'event', snapshot.events],
      [runFiles('steps', listing, runId), SdkStepSchema, 'step', snapshot.steps],
      [listing.waits.get(runId) ?? [], SdkWaitSchema, 'wait', snapshot.waits],
    ] as const;
    for (const [files, schema, what, into] of kinds) {
      for (const file of files) {
        const r = readRecord<unknown>(file, schema, what);
        if (!r) continue; // deleted since the listing (a wait the world removed as the run ended)
        if ('problem' in r) return { runId, problem: `${path.relative(root, file)}: ${r.problem}` };
        (into as unknown[]).push(r.record);
      }
    }
    snapshot.events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.eventId, b.eventId));
    snapshot.steps.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.stepId, b.stepId));
    snapshot.waits.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.waitId, b.waitId));
    snapshot.hooks.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.hookId, b.hookId));
    return snapshot;
  }

  /**
   * The whole listing of this pass, with the hooks it names read once: the runs a pass reads come from one
   * listing, instead of every directory listed again for each batch. A new pass (listRunIds) drops it, so
   * a run is never read from a listing older than the change that made it due.
   */
  let recent: { listing: Listing; hooks: Map<string, SdkHook[]>; at: number } | null = null;
  const LISTING_REUSE_MS = 60_000;

  async function freshListing(): Promise<{ listing: Listing; hooks: Map<string, SdkHook[]> }> {
    const listing = await list();
    recent = { listing, hooks: readHooks(listing), at: Date.now() };
    return recent;
  }

  async function currentListing(): Promise<{ listing: Listing; hooks: Map<string, SdkHook[]> }> {
    return recent && Date.now() - recent.at < LISTING_REUSE_MS ? recent : freshListing();
  }

  async function readWith(listing: Listing, hooks: Map<string, SdkHook[]>, runIds: readonly string[], retry: boolean): Promise<SdkReadResult> {
    const result: SdkReadResult = { runs: [], problems: [] };
    const again: string[] = [];
    let files = 0;
    for (const runId of new Set(runIds)) {
      const read = readOne(listing, hooks, runId);
      files += 'events' in read ? read.events.length + read.steps.length + 1 : 1;
      if (files > 500) {
        files = 0;
        await yieldToLoop();
      }
      if ('problem' in read) result.problems.push(read);
      else if (retry && inconsistent(read)) again.push(read.run.runId);
      else result.runs.push(read);
    }
    if (again.length > 0) {
      const fresh = await freshListing();
      const second = await readWith(fresh.listing, fresh.hooks, again, false);
      result.runs.push(...second.runs);
      result.problems.push(...second.problems);
    }
    return result;
  }

  const reader: LocalWorldReader = {
    async info() {
      const marker = await layoutMarker();
      const version = (await readText(path.join(root, 'version.txt')))?.trim() || null;
      if (marker) return { version, layout: marker };
      const [events, steps] = await Promise.all([readDir(path.join(root, 'events')), readDir(path.join(root, 'steps'))]);
      return { version, layout: [...events, ...steps].some((e) => e.isDirectory()) ? 'run-scoped' : 'flat' };
    },
    async listRunIds() {
      recent = null;
      const listing = await list(false);
      const entries: LocalRunEntry[] = [];
      for (const [runId, file] of listing.runs) {
        const runStat = statOrNull(file);
        if (!runStat) continue;
        // A run-scoped event directory changes its mtime when an event is added to it.
        const dirStat = listing.eventDirs.has(runId) ? statOrNull(path.join(root, 'events', runId)) : null;
        const flat = listing.events.get(runId) ?? [];
        let last = '';
        for (const f of flat) if (f > last) last = f;
        entries.push({ runId, mtimeMs: runStat.mtimeMs, changeKey: `${runStat.mtimeMs}:${flat.length}:${path.basename(last)}:${dirStat?.mtimeMs ?? ''}` });
        if (entries.length % 1000 === 0) await yieldToLoop();
      }
      return entries.sort((a, b) => compare(a.runId, b.runId));
    },
    async readRun(runId) {
      const { runs, problems } = await reader.readRuns([runId]);
      return runs[0] ?? problems[0] ?? { runId, problem: 'not read' };
    },
    async readRuns(runIds) {
      const { listing, hooks } = await currentListing();
      return readWith(listing, hooks, runIds, true);
    },
    async *scanBatches(batchSize = 200) {
      const { listing, hooks } = await freshListing();
      const ids = [...listing.runs.keys()].sort(compare);
      for (let i = 0; i < ids.length; i += batchSize) yield await readWith(listing, hooks, ids.slice(i, i + batchSize), true);
    },
    async scan() {
      const all: SdkReadResult = { runs: [], problems: [] };
      for await (const batch of reader.scanBatches(500)) {
        all.runs.push(...batch.runs);
        all.problems.push(...batch.problems);
      }
      return all;
    },
  };
  return reader;
}

/**
 * Entities newer than the listed events: the run (or a step) reached an end whose event was written after
 * the listing, so the run is read again from a fresh listing. If they still disagree, it is not a race but
 * what the world left (it writes the entity, then the event, so a crash between leaves an end with no
 * event), and the run is read as it is. Runs of specVersion 1 kept no event log.
 */
function inconsistent(s: SdkRunSnapshot): boolean {
  if ((s.run.specVersion ?? 1) < 2) return false;
  const types = new Set(s.events.map((e) => `${e.eventType}:${e.correlationId ?? ''}`));
  if (['completed', 'failed', 'cancelled'].includes(s.run.status) && !s.events.some((e) => TERMINAL_RUN_EVENTS.has(e.eventType))) return true;
  return s.steps.some((st) => (st.status === 'completed' || st.status === 'failed') && !types.has(`step_${st.status}:${st.stepId}`));
}

/** The run a `<runId>-<entityId>` file belongs to. */
function runIdOf(id: string, runs: Map<string, string>): string | null {
  const dash = id.indexOf('-');
  if (dash > 0 && runs.has(id.slice(0, dash))) return id.slice(0, dash);
  for (const sep of SEPARATORS) {
    const at = id.indexOf(sep);
    if (at > 0 && runs.has(id.slice(0, at))) return id.slice(0, at);
  }
  return dash > 0 ? id.slice(0, dash) : null;
}

type ReadRecord<T> = { record: T } | { problem: string } | null;

/** One JSON file through a schema; null if it is gone. Never throws for its content. */
function readRecord<T>(file: string, schema: z.ZodType<T>, what: string): ReadRecord<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : { problem: `${what} unreadable: ${code ?? String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: `${what} is not valid JSON (${text.length} bytes; half-written?)` };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { record: parsed.data } : { problem: describeIssue(what, parsed.error) };
}

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readDir(dir: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function readDirSync(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

import type { NodeStatus } from './node-status';

/** The streams a step's output comes from, in the order a viewer lists them. */
export const LOG_STREAMS = ['stdout', 'stderr'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

/** Bytes of output kept per step attempt unless configured otherwise; past them the log says how much was cut. */
export const DEFAULT_LOG_LIMIT_BYTES = 16 * 1024 * 1024;
/** The longest single line kept; a longer one is cut there (and the cut counted). */
export const MAX_LOG_LINE_CHARS = 64 * 1024;
/** How far behind the producing process a runner's uploads may fall. */
export const LOG_FLUSH_MS = 1000;
/**
 * A stored part of a batch holds at most this many lines and (after its first line) this many bytes: each
 * part is one short transaction (on the embedded engine every other query waits for it), and one row.
 */
export const LOG_PART_MAX_LINES = 250;
export const LOG_PART_MAX_BYTES = 32 * 1024;

const encoder = new TextEncoder();

/** What a line costs against the bound: its UTF-8 bytes and its newline (the size of the plain-text download). */
export function lineBytes(text: string): number {
  return encoder.encode(text).byteLength + 1;
}

export interface LineBudget {
  /** How many of the lines, from the first, are kept. */
  kept: number;
  keptBytes: number;
  /** The rest: counted, not kept. */
  cutLines: number;
  cutBytes: number;
}

/**
 * Which lines of a batch fit in what is left of an attempt's bound. Lines are kept in order up to the
 * first that does not fit; from there on everything is cut, so a log is always a prefix of the output.
 * `alreadyCut` says the bound was reached before this batch: nothing more is kept.
 */
export function fitLines(sizes: readonly number[], usedBytes: number, limitBytes: number, alreadyCut: boolean): LineBudget {
  let kept = 0;
  let keptBytes = 0;
  if (!alreadyCut) {
    while (kept < sizes.length && usedBytes + keptBytes + (sizes[kept] ?? 0) <= limitBytes) {
      keptBytes += sizes[kept] ?? 0;
      kept++;
    }
  }
  const cutBytes = sizes.slice(kept).reduce((sum, s) => sum + s, 0);
  return { kept, keptBytes, cutLines: sizes.length - kept, cutBytes };
}

/**
 * Splits line sizes into consecutive parts of at most LOG_PART_MAX_LINES lines and about
 * LOG_PART_MAX_BYTES bytes (a part always takes at least one line). Returns each part's line count.
 */
export function partSizes(sizes: readonly number[], maxLines = LOG_PART_MAX_LINES, maxBytes = LOG_PART_MAX_BYTES): number[] {
  const parts: number[] = [];
  let lines = 0;
  let bytes = 0;
  for (const size of sizes) {
    if (lines > 0 && (lines >= maxLines || bytes + size > maxBytes)) {
      parts.push(lines);
      lines = 0;
      bytes = 0;
    }
    lines++;
    bytes += size;
  }
  if (lines > 0) parts.push(lines);
  return parts;
}

/** Each line's stream as one character (its index in LOG_STREAMS), for storage. */
export function encodeStreams(streams: readonly LogStream[]): string {
  return streams.map((s) => String(LOG_STREAMS.indexOf(s))).join('');
}

/** The stream of a stored line (stdout for anything unknown). */
export function streamAt(encoded: string, i: number): LogStream {
  return LOG_STREAMS[Number(encoded[i])] ?? 'stdout';
}

/** Bytes for people: `512 B`, `3.4 KiB`, `16.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GiB`;
}

/** The last line of a cut log's download: how much output is not in it. */
export function cutNotice(cut: { lines: number; bytes: number }): string {
  const lines = `${cut.lines.toLocaleString('en-US')} line${cut.lines === 1 ? '' : 's'}`;
  return `[log truncated: ${lines} (${formatBytes(cut.bytes)}) past the limit were not kept]`;
}

/** What a live tail knows of the node whose attempt it follows. */
export interface TailFacts {
  /** The run is still active (queued, running or paused). */
  runActive: boolean;
  nodeStatus: NodeStatus;
  nodeAttempt: number;
}

/**
 * Whether more output of `attempt` can still come: the node is running that attempt, or it has not
 * started it yet (pending, or failed and possibly retried) while the run is active.
 */
export function isAttemptLive(facts: TailFacts, attempt: number): boolean {
  if (!facts.runActive) return false;
  if (facts.nodeStatus === 'running') return facts.nodeAttempt === attempt;
  return (facts.nodeStatus === 'pending' || facts.nodeStatus === 'failed') && attempt > facts.nodeAttempt;
}

/**
 * A live tail ends when the writer said the output is complete, or when the attempt is no longer live
 * and nothing arrived for `graceMs` (its last lines may still be in flight when the node finishes).
 */
export function isTailOver(input: { ended: boolean; live: boolean; lastActivityMs: number; nowMs: number; graceMs: number }): boolean {
  return input.ended || (!input.live && input.nowMs - input.lastActivityMs >= input.graceMs);
}

/**
 * What the log viewer computes without a browser: plain text of a line for searching, matches, how a line's
 * coloured pieces are split by highlighted matches, the xterm palette, and the words of a cut log.
 */

import { formatBytes } from './log-lines';

// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and lone two-byte escapes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what this matches
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** A line's text as it reads on screen: without terminal escape sequences. */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

export interface LogMatch {
  /** Index of the line in the list searched. */
  row: number;
  /** Offsets in the line's plain text (see stripAnsi), end exclusive. */
  start: number;
  end: number;
}

/** Matches stop being counted past this many: the count then reads "10,000+". */
export const MAX_LOG_MATCHES = 10_000;

/**
 * Every case-insensitive occurrence of `query` in the plain texts, in order; rows not loaded yet are
 * `undefined` and skipped. Stops at `limit` matches.
 */
export function findLogMatches(texts: readonly (string | undefined)[], query: string, limit = MAX_LOG_MATCHES): LogMatch[] {
  const needle = query.toLowerCase();
  const out: LogMatch[] = [];
  if (needle === '') return out;
  for (let row = 0; row < texts.length; row++) {
    const text = texts[row];
    if (text === undefined || text.length < needle.length) continue;
    const hay = text.toLowerCase();
    let at = hay.indexOf(needle);
    while (at !== -1) {
      out.push({ row, start: at, end: at + needle.length });
      if (out.length >= limit) return out;
      at = hay.indexOf(needle, at + needle.length);
    }
  }
  return out;
}

/** The index of the first match at or after `row` (wrapping to 0), or -1 when there is none. */
export function matchIndexFrom(matches: readonly LogMatch[], row: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as LogMatch).row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}

export interface HighlightRange {
  start: number;
  end: number;
  /** The match the viewer is on. */
  current: boolean;
}

export interface Piece<S> {
  text: string;
  /** The style of the coloured segment this piece comes from. */
  style: S;
  /** null outside any match. */
  mark: 'match' | 'current' | null;
}

/**
 * Cuts coloured segments (whose texts, joined, are the line's plain text) at the boundaries of the
 * highlighted ranges (sorted, not overlapping), so each piece has one style and one mark.
 */
export function splitHighlights<S>(segments: readonly { text: string; style: S }[], ranges: readonly HighlightRange[]): Piece<S>[] {
  const pieces: Piece<S>[] = [];
  let offset = 0;
  let r = 0;
  for (const seg of segments) {
    const segEnd = offset + seg.text.length;
    let at = offset;
    while (at < segEnd) {
      while (r < ranges.length && (ranges[r] as HighlightRange).end <= at) r++;
      const range = ranges[r];
      if (!range || range.start >= segEnd) {
        pieces.push({ text: seg.text.slice(at - offset), style: seg.style, mark: null });
        at = segEnd;
      } else if (range.start > at) {
        pieces.push({ text: seg.text.slice(at - offset, range.start - offset), style: seg.style, mark: null });
        at = range.start;
      } else {
        const end = Math.min(range.end, segEnd);
        pieces.push({ text: seg.text.slice(at - offset, end - offset), style: seg.style, mark: range.current ? 'current' : 'match' });
        at = end;
      }
    }
    offset = segEnd;
  }
  return pieces;
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** The colour of an entry 16–255 of the xterm 256-colour palette (`38;5;N`), as `rgb(r, g, b)`; null for 0–15 and out of range. */
export function xtermColor(index: number): string | null {
  if (!Number.isInteger(index) || index < 16 || index > 255) return null;
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const i = index - 16;
  return `rgb(${CUBE[Math.floor(i / 36)]}, ${CUBE[Math.floor(i / 6) % 6]}, ${CUBE[i % 6]})`;
}

const count = new Intl.NumberFormat('en-US');

/** `1,234 lines` / `1 line`. */
export function formatLineCount(lines: number): string {
  return `${count.format(lines)} ${lines === 1 ? 'line' : 'lines'}`;
}

/**
 * What a cut log lost, in words: `1,234 lines / 3.2 MiB cut past the 16.0 MiB bound`. The bound is what was
 * kept (a log is kept up to its bound, then cut), rounded to the MiB once it is that big; a log cut by its
 * writer for a smaller reason (one very long line) says only how much was cut.
 */
export function logCutText(cut: { lines: number; bytes: number }, kept: { bytes: number }): string {
  const MiB = 1024 * 1024;
  const head = `${formatLineCount(cut.lines)} / ${formatBytes(cut.bytes)} cut`;
  return kept.bytes >= MiB ? `${head} past the ${formatBytes(Math.round(kept.bytes / MiB) * MiB)} bound` : `${head} past the log's size bound`;
}

/** Where any word of a search (split on spaces) occurs in a text, case-insensitively: sorted ranges that do not overlap. */
export function termRanges(text: string, query: string): { start: number; end: number }[] {
  const hay = text.toLowerCase();
  const found: { start: number; end: number }[] = [];
  for (const term of new Set(query.toLowerCase().split(/\s+/).filter(Boolean))) {
    for (let at = hay.indexOf(term); at !== -1; at = hay.indexOf(term, at + term.length)) found.push({ start: at, end: at + term.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

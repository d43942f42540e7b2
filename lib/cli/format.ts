import type { Command } from 'commander';
import { formatAge } from '@/lib/domain/time-format';

/** Plain-text building blocks of the CLI's human output: aligned tables, key/value blocks, times, a bar. */

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Diagnostics, progress and error details go to stderr so stdout stays the command's answer. */
export function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Adds `--json` to a command: print the raw API JSON instead of the human view. */
export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print the raw API JSON (for scripts)');
}

const NUMBER = /^-?\d+$/;

/** Columns padded to their widest cell; all-numeric columns are right-aligned; the last is never padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMBER.test(r[i] ?? '')));
  const line = (cells: readonly string[], isHeader: boolean) =>
    indent +
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        if (numeric[i] && !isHeader) return c.padStart(w);
        return i === cells.length - 1 ? c : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header, true), ...rows.map((r) => line(r, false))].join('\n');
}

/** `key:  value` lines with the values aligned; undefined values are left out, null shows as `-`. */
export function kv(pairs: readonly (readonly [string, string | number | null | undefined])[], indent = ''): string {
  const shown = pairs.filter(([, v]) => v !== undefined);
  const width = Math.max(0, ...shown.map(([k]) => k.length)) + 2;
  return shown.map(([k, v]) => `${indent}${`${k}:`.padEnd(width)}${v === null || v === '' ? '-' : v}`).join('\n');
}

/** `3m ago` / `in 2d`, from an ISO time (the age in one unit, as the dashboard writes it; never "just now"). */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '-';
  const diff = Date.parse(iso) - now;
  return diff < 1_000 ? `${formatAge(-diff)} ago` : `in ${formatAge(diff)}`;
}

/** `2026-05-01 10:00:00Z (3h ago)`. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '-';
  return `${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} (${ago(iso)})`;
}

/** Comma-separated, or `none`; cut after `max` items with a count of the rest. */
export function list(items: readonly string[], max = 12, none = 'none'): string {
  if (items.length === 0) return none;
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} (+${items.length - max} more)` : shown;
}

/** A string cut to `max` characters with an ellipsis. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `[#####-----]`: the share of `done` in `total` (a job with nothing to do is full). */
export function bar(done: number, total: number, width = 10): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Text for times, durations and ids in the run list. `Intl` only (no date library); every output is
 * composed from `formatToParts`, so the server and the browser write exactly the same string for the
 * same instant and time zone (their ICU versions may punctuate differently).
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `run_01JDF3K2…Q2XK`: the prefix, the start of the ULID (creation time) and its last characters. */
export function shortId(id: string, head = 8, tail = 4): string {
  const cut = id.indexOf('_') + 1;
  const body = id.slice(cut);
  if (body.length <= head + tail + 1) return id;
  return `${id.slice(0, cut)}${body.slice(0, head)}…${body.slice(-tail)}`;
}

/** `0s`, `42s`, `3m 5s`, `1h 2m`, `2d 3h`: two units at most. */
export function formatDuration(ms: number): string {
  const t = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (t < MINUTE) return `${t / SECOND}s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)}m ${Math.floor((t % MINUTE) / SECOND)}s`;
  if (t < DAY) return `${Math.floor(t / HOUR)}h ${Math.floor((t % HOUR) / MINUTE)}m`;
  return `${Math.floor(t / DAY)}d ${Math.floor((t % DAY) / HOUR)}h`;
}

/** `12s`, `5m`, `3h`, `2d`: one unit, for ages. */
export function formatAge(ms: number): string {
  const t = Math.max(0, ms);
  if (t < MINUTE) return `${Math.floor(t / SECOND)}s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)}m`;
  if (t < DAY) return `${Math.floor(t / HOUR)}h`;
  return `${Math.floor(t / DAY)}d`;
}

interface ZonedParts {
  year: string;
  month: string;
  day: string;
  weekday: string;
  hour: string;
  minute: string;
  second: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(ms: number, timeZone?: string): ZonedParts {
  const key = timeZone ?? '';
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(key, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(ms)) out[p.type] = p.value;
  return {
    year: out.year ?? '',
    month: out.month ?? '',
    day: out.day ?? '',
    weekday: out.weekday ?? '',
    hour: (out.hour ?? '00').replace(/^24$/, '00').padStart(2, '0'),
    minute: (out.minute ?? '00').padStart(2, '0'),
    second: (out.second ?? '00').padStart(2, '0'),
  };
}

const sameDay = (a: ZonedParts, b: ZonedParts) => a.year === b.year && a.month === b.month && a.day === b.day;

/** An instant close to `now`: `14:05` today, `Tue 14:05` within six days, `May 3, 14:05`, `May 3 2027, 14:05`. */
export function formatClockTime(iso: string, now: number, timeZone?: string): string {
  const t = Date.parse(iso);
  const p = zonedParts(t, timeZone);
  const n = zonedParts(now, timeZone);
  const hm = `${p.hour}:${p.minute}`;
  if (sameDay(p, n)) return hm;
  if (Math.abs(t - now) < 6 * DAY) return `${p.weekday} ${hm}`;
  if (p.year === n.year) return `${p.month} ${p.day}, ${hm}`;
  return `${p.month} ${p.day} ${p.year}, ${hm}`;
}

/** A wake time: like `formatClockTime`, but a day beyond the coming week is enough (`Nov 28`, `Jan 3 2027`). */
export function formatWakeTime(iso: string, now: number, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Math.abs(t - now) < 6 * DAY) return formatClockTime(iso, now, timeZone);
  const p = zonedParts(t, timeZone);
  return p.year === zonedParts(now, timeZone).year ? `${p.month} ${p.day}` : `${p.month} ${p.day} ${p.year}`;
}

/** The full instant, for a tooltip: `Sat, Nov 21 2026, 10:24:42` (+ ` UTC` when written in UTC). */
export function formatAbsolute(iso: string, timeZone?: string): string {
  const p = zonedParts(Date.parse(iso), timeZone);
  return `${p.weekday}, ${p.month} ${p.day} ${p.year}, ${p.hour}:${p.minute}:${p.second}${timeZone === 'UTC' ? ' UTC' : ''}`;
}

/** `just now`, `42s ago`, `5m ago`, `3h ago`, `2d ago`, `in 5m`; a date past 30 days. */
export function formatRelative(iso: string, now: number, timeZone?: string): string {
  const diff = now - Date.parse(iso);
  const abs = Math.abs(diff);
  if (abs < 10 * SECOND) return 'just now';
  if (abs >= 30 * DAY) {
    const p = zonedParts(Date.parse(iso), timeZone);
    return p.year === zonedParts(now, timeZone).year ? `${p.month} ${p.day}` : `${p.month} ${p.day} ${p.year}`;
  }
  return diff > 0 ? `${formatAge(abs)} ago` : `in ${formatAge(abs)}`;
}

/** `YYYY-MM-DDTHH:MM` of an instant in a time zone, the value of an `<input type="datetime-local">`. */
export function toDateTimeLocal(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(t);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour').replace(/^24$/, '00')}:${get('minute')}`;
}

/** The ISO instant of a `datetime-local` value, read in the runtime's local time zone; `undefined` when empty or invalid. */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!value) return undefined;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The created-time filter in words: `Since Tue 14:05`, `Until May 3, 09:00`, `May 3, 09:00 – 14:05`; null when unset. */
export function formatTimeRange(from: string | undefined, to: string | undefined, now: number, timeZone?: string): string | null {
  if (from && to) return `${formatClockTime(from, now, timeZone)} – ${formatClockTime(to, now, timeZone)}`;
  if (from) return `Since ${formatClockTime(from, now, timeZone)}`;
  if (to) return `Until ${formatClockTime(to, now, timeZone)}`;
  return null;
}

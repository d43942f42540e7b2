/**
 * Every time text of the product: durations, relative times and instants. Pure: the caller passes "now"
 * and the time zone. `Intl` only (no date library); instants are composed from `formatToParts`, so the
 * server and the browser write exactly the same string for the same instant and zone (their ICU versions
 * may punctuate differently).
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** How long something took: `850ms`, `4.2s`, `12s`, `3m 05s`, `2h 04m`, `3d 4h` (two units at most). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < SECOND) return `${sign}${Math.round(abs)}ms`;
  if (abs < 10 * SECOND) return `${sign}${(Math.floor(abs / 100) / 10).toFixed(1)}s`;
  if (abs < MINUTE) return `${sign}${Math.floor(abs / SECOND)}s`;
  if (abs < HOUR) return `${sign}${Math.floor(abs / MINUTE)}m ${pad2(Math.floor((abs % MINUTE) / SECOND))}s`;
  if (abs < DAY) return `${sign}${Math.floor(abs / HOUR)}h ${pad2(Math.floor((abs % HOUR) / MINUTE))}m`;
  return `${sign}${Math.floor(abs / DAY)}d ${Math.floor((abs % DAY) / HOUR)}h`;
}

/** An axis label for an offset from the start that is a multiple of a tick step: `0`, `30s`, `1m 30s`, `2h`, `1d 6h`. */
export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  const parts: string[] = [];
  let rest = Math.abs(ms);
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${Math.round(rest)}ms`);
  return `${ms < 0 ? '-' : ''}${parts.slice(0, 2).join(' ')}`;
}

/** An age in one unit: `12s`, `5m`, `3h`, `2d` (the number of `5m ago`). */
export function formatAge(ms: number): string {
  const t = Math.max(0, ms);
  if (t < MINUTE) return `${Math.floor(t / SECOND)}s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)}m`;
  if (t < DAY) return `${Math.floor(t / HOUR)}h`;
  return `${Math.floor(t / DAY)}d`;
}

/** How long something took or has been taking: from start to end, or to now while it is open. */
export function elapsedMs(startIso: string | null, endIso: string | null, now: number): number | null {
  if (!startIso) return null;
  const end = endIso ? Date.parse(endIso) : now;
  return Math.max(0, end - Date.parse(startIso));
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

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
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

/** A day, with its year only when it is not this year's: `Sep 3`, `Sep 3 2025`. */
function dayText(t: number, now: number, timeZone?: string): string {
  const p = zonedParts(t, timeZone);
  return p.year === zonedParts(now, timeZone).year ? `${p.month} ${p.day}` : `${p.month} ${p.day} ${p.year}`;
}

/** `just now`, `42s ago`, `5m ago`, `3h ago`, `2d ago`, `in 5m`; the day beyond 30 days (`Sep 3`). */
export function formatRelative(iso: string, now: number, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const diff = now - t;
  const abs = Math.abs(diff);
  if (abs < 10 * SECOND) return 'just now';
  if (abs >= 30 * DAY) return dayText(t, now, timeZone);
  return diff > 0 ? `${formatAge(abs)} ago` : `in ${formatAge(abs)}`;
}

/** The full instant: `Nov 21, 2025, 10:19:05` in the given IANA zone (default: the runtime's). */
export function formatTimestamp(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const p = zonedParts(t, timeZone);
  return `${p.month} ${p.day}, ${p.year}, ${p.hour}:${p.minute}:${p.second}`;
}

/** Time of day with milliseconds, for event logs: `10:19:05.123`. */
export function formatClock(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const p = zonedParts(t, timeZone);
  return `${p.hour}:${p.minute}:${p.second}.${String(new Date(t).getUTCMilliseconds()).padStart(3, '0')}`;
}

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
  return dayText(t, now, timeZone);
}

/** The created-time filter in words: `Since Tue 14:05`, `Until May 3, 09:00`, `May 3, 09:00 – 14:05`; null when unset. */
export function formatTimeRange(from: string | undefined, to: string | undefined, now: number, timeZone?: string): string | null {
  if (from && to) return `${formatClockTime(from, now, timeZone)} – ${formatClockTime(to, now, timeZone)}`;
  if (from) return `Since ${formatClockTime(from, now, timeZone)}`;
  if (to) return `Until ${formatClockTime(to, now, timeZone)}`;
  return null;
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

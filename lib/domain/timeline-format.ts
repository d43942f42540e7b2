/** Time text for run views: durations, offsets and timestamps. Pure; the caller passes "now" and the zone. */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact duration: `850ms`, `4.2s`, `12s`, `3m 05s`, `2h 14m`, `3d 4h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < SECOND) return `${sign}${Math.round(abs)}ms`;
  if (abs < 10 * SECOND) return `${sign}${(Math.floor(abs / 100) / 10).toFixed(1)}s`;
  if (abs < MINUTE) return `${sign}${Math.floor(abs / SECOND)}s`;
  if (abs < HOUR) return `${sign}${Math.floor(abs / MINUTE)}m ${String(Math.floor((abs % MINUTE) / SECOND)).padStart(2, '0')}s`;
  if (abs < DAY) return `${sign}${Math.floor(abs / HOUR)}h ${String(Math.floor((abs % HOUR) / MINUTE)).padStart(2, '0')}m`;
  return `${sign}${Math.floor(abs / DAY)}d ${Math.floor((abs % DAY) / HOUR)}h`;
}

/** An axis label for an offset from the start that is a multiple of a tick step: `0`, `30s`, `1m 30s`, `2h`, `1d 6h`. */
export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  const parts: string[] = [];
  let rest = Math.abs(ms);
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['m', MINUTE], ['s', SECOND]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${Math.round(rest)}ms`);
  return `${ms < 0 ? '-' : ''}${parts.slice(0, 2).join(' ')}`;
}

/** `in 3h 12m` / `5m 02s ago` relative to now. */
export function formatRelative(iso: string, now: number): string {
  const delta = Date.parse(iso) - now;
  if (Math.abs(delta) < SECOND) return 'just now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per options and zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatter(kind: 'timestamp' | 'clock', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'timestamp'
        ? new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone })
        : new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** `Nov 21, 2025, 10:19:05` in the given IANA zone (default: the runtime's). */
export function formatTimestamp(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter('timestamp', timeZone).format(date);
}

/** Time of day with milliseconds, for event logs: `10:19:05.123`. */
export function formatClock(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${formatter('clock', timeZone).format(date)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** How long something took or has been taking: from start to end, or to now while it is open. */
export function elapsedMs(startIso: string | null, endIso: string | null, now: number): number | null {
  if (!startIso) return null;
  const end = endIso ? Date.parse(endIso) : now;
  return Math.max(0, end - Date.parse(startIso));
}

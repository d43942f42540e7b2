import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  formatAge,
  formatClock,
  formatClockTime,
  formatDuration,
  formatOffset,
  formatRelative,
  formatTimeRange,
  formatTimestamp,
  formatWakeTime,
  fromDateTimeLocal,
  toDateTimeLocal,
} from './time-format';

const NOW = Date.parse('2026-11-21T10:00:00Z'); // a Saturday
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [4_250, '4.2s'],
    [12_900, '12s'],
    [3 * M + 5 * S, '3m 05s'],
    [H + 2 * M + 30 * S, '1h 02m'],
    [8_040_000, '2h 14m'],
    [2 * D + 3 * H + 59 * M, '2d 3h'],
    [-2_000, '-2.0s'],
    [Number.NaN, '—'],
  ])('%d → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatOffset', () => {
  it.each([
    [0, '0'],
    [30_000, '30s'],
    [90_000, '1m 30s'],
    [7_200_000, '2h'],
    [108_000_000, '1d 6h'],
    [250, '250ms'],
  ])('%d → %s', (ms, text) => expect(formatOffset(ms)).toBe(text));
});

describe('ages and relative times', () => {
  it('formatAge writes one unit', () => {
    expect([formatAge(5 * S), formatAge(90 * S), formatAge(5 * H), formatAge(3 * D), formatAge(-5)]).toEqual(['5s', '1m', '5h', '3d', '0s']);
  });

  it('formatRelative: just now, past, future, then a day', () => {
    expect(formatRelative(ago(3 * S), NOW)).toBe('just now');
    expect(formatRelative(ago(-3 * S), NOW)).toBe('just now');
    expect(formatRelative(ago(42 * S), NOW)).toBe('42s ago');
    expect(formatRelative(ago(5 * M + 2 * S), NOW)).toBe('5m ago');
    expect(formatRelative(ago(3 * H + 10 * M), NOW)).toBe('3h ago');
    expect(formatRelative(ago(2 * D), NOW)).toBe('2d ago');
    expect(formatRelative(ago(-5 * M), NOW)).toBe('in 5m');
    expect(formatRelative('2026-09-03T08:00:00Z', NOW, 'UTC')).toBe('Sep 3');
    expect(formatRelative('2025-09-03T08:00:00Z', NOW, 'UTC')).toBe('Sep 3 2025');
    expect(formatRelative('nope', NOW)).toBe('—');
  });

  it('elapsedMs measures to the end or to now', () => {
    expect(elapsedMs(null, null, 0)).toBeNull();
    expect(elapsedMs('2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z', 0)).toBe(5_000);
    expect(elapsedMs('2025-01-01T00:00:00Z', null, Date.parse('2025-01-01T00:01:00Z'))).toBe(60_000);
  });
});

describe('instants', () => {
  const iso = '2025-11-21T10:19:05.123Z';

  it('formatTimestamp and formatClock write the instant in the given zone', () => {
    expect(formatTimestamp(iso, 'UTC')).toBe('Nov 21, 2025, 10:19:05');
    expect(formatTimestamp(iso, 'America/New_York')).toBe('Nov 21, 2025, 05:19:05');
    expect(formatTimestamp('2025-11-21T00:05:00Z', 'UTC')).toBe('Nov 21, 2025, 00:05:00');
    expect(formatClock(iso, 'UTC')).toBe('10:19:05.123');
    expect(formatTimestamp('nope', 'UTC')).toBe('—');
    expect(formatClock('nope', 'UTC')).toBe('—');
  });

  it('formatClockTime: time today, weekday this week, date beyond', () => {
    expect(formatClockTime('2026-11-21T14:05:00Z', NOW, 'UTC')).toBe('14:05');
    expect(formatClockTime('2026-11-24T00:30:00Z', NOW, 'UTC')).toBe('Tue 00:30');
    expect(formatClockTime('2026-12-03T09:00:00Z', NOW, 'UTC')).toBe('Dec 3, 09:00');
    expect(formatClockTime('2027-01-03T09:00:00Z', NOW, 'UTC')).toBe('Jan 3 2027, 09:00');
    // The same instant in another zone: another day there.
    expect(formatClockTime('2026-11-21T23:30:00Z', NOW, 'Asia/Tokyo')).toBe('Sun 08:30');
  });

  it('formatWakeTime drops the time of day beyond the coming week', () => {
    expect(formatWakeTime('2026-11-21T14:05:00Z', NOW, 'UTC')).toBe('14:05');
    expect(formatWakeTime('2026-11-24T00:30:00Z', NOW, 'UTC')).toBe('Tue 00:30');
    expect(formatWakeTime('2026-11-28T09:00:00Z', NOW, 'UTC')).toBe('Nov 28');
    expect(formatWakeTime('2027-01-03T09:00:00Z', NOW, 'UTC')).toBe('Jan 3 2027');
  });

  it('formatTimeRange describes an open or closed range', () => {
    expect(formatTimeRange(undefined, undefined, NOW, 'UTC')).toBeNull();
    expect(formatTimeRange('2026-11-21T09:00:00Z', undefined, NOW, 'UTC')).toBe('Since 09:00');
    expect(formatTimeRange(undefined, '2026-11-19T09:00:00Z', NOW, 'UTC')).toBe('Until Thu 09:00');
    expect(formatTimeRange('2026-10-01T00:00:00Z', '2026-11-21T08:30:00Z', NOW, 'UTC')).toBe('Oct 1, 00:00 – 08:30');
  });

  it('datetime-local values round-trip through ISO in the local zone', () => {
    expect(toDateTimeLocal('2026-11-21T10:24:42Z', 'UTC')).toBe('2026-11-21T10:24');
    expect(toDateTimeLocal('2026-11-21T23:05:00Z', 'Asia/Tokyo')).toBe('2026-11-22T08:05');
    const local = toDateTimeLocal('2026-11-21T10:24:00Z');
    expect(fromDateTimeLocal(local)).toBe('2026-11-21T10:24:00.000Z');
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('not a date')).toBeUndefined();
  });
});

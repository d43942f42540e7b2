import { describe, expect, it } from 'vitest';
import {
  formatAbsolute,
  formatAge,
  formatClockTime,
  formatDuration,
  formatRelative,
  formatTimeRange,
  formatWakeTime,
  fromDateTimeLocal,
  shortId,
  toDateTimeLocal,
} from './run-list-format';

const NOW = Date.parse('2026-11-21T10:00:00Z'); // a Saturday
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('run list formatting', () => {
  it('shortId keeps the prefix, the time part and the tail', () => {
    expect(shortId('run_01JDF3K2ABCDEFGHJKMNPQ2XK9')).toBe('run_01JDF3K2…2XK9');
    expect(shortId('vers_01JDF3K2ABCDEFGHJKMNPQ2XK9', 4, 4)).toBe('vers_01JD…2XK9');
    expect(shortId('run_SHORT')).toBe('run_SHORT');
  });

  it('formatDuration writes two units at most', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(999)).toBe('0s');
    expect(formatDuration(42 * S)).toBe('42s');
    expect(formatDuration(3 * M + 5 * S)).toBe('3m 5s');
    expect(formatDuration(H + 2 * M + 30 * S)).toBe('1h 2m');
    expect(formatDuration(2 * D + 3 * H + 59 * M)).toBe('2d 3h');
    expect(formatDuration(-5)).toBe('0s');
  });

  it('formatAge writes one unit', () => {
    expect([formatAge(5 * S), formatAge(90 * S), formatAge(5 * H), formatAge(3 * D)]).toEqual(['5s', '1m', '5h', '3d']);
  });

  it('formatRelative: just now, past, future, then a date', () => {
    expect(formatRelative(ago(3 * S), NOW)).toBe('just now');
    expect(formatRelative(ago(42 * S), NOW)).toBe('42s ago');
    expect(formatRelative(ago(5 * M), NOW)).toBe('5m ago');
    expect(formatRelative(ago(3 * H + 10 * M), NOW)).toBe('3h ago');
    expect(formatRelative(ago(2 * D), NOW)).toBe('2d ago');
    expect(formatRelative(ago(-5 * M), NOW)).toBe('in 5m');
    expect(formatRelative('2026-09-03T08:00:00Z', NOW, 'UTC')).toBe('Sep 3');
    expect(formatRelative('2025-09-03T08:00:00Z', NOW, 'UTC')).toBe('Sep 3 2025');
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

  it('formatAbsolute writes the full instant, marking UTC', () => {
    expect(formatAbsolute('2026-11-21T10:24:42Z', 'UTC')).toBe('Sat, Nov 21 2026, 10:24:42 UTC');
    expect(formatAbsolute('2026-11-21T10:24:42Z', 'America/New_York')).toBe('Sat, Nov 21 2026, 05:24:42');
  });

  it('datetime-local values round-trip through ISO in the local zone', () => {
    expect(toDateTimeLocal('2026-11-21T10:24:42Z', 'UTC')).toBe('2026-11-21T10:24');
    expect(toDateTimeLocal('2026-11-21T23:05:00Z', 'Asia/Tokyo')).toBe('2026-11-22T08:05');
    const local = toDateTimeLocal('2026-11-21T10:24:00Z');
    expect(fromDateTimeLocal(local)).toBe('2026-11-21T10:24:00.000Z');
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('not a date')).toBeUndefined();
  });

  it('formatTimeRange describes an open or closed range', () => {
    expect(formatTimeRange(undefined, undefined, NOW, 'UTC')).toBeNull();
    expect(formatTimeRange('2026-11-21T09:00:00Z', undefined, NOW, 'UTC')).toBe('Since 09:00');
    expect(formatTimeRange(undefined, '2026-11-19T09:00:00Z', NOW, 'UTC')).toBe('Until Thu 09:00');
    expect(formatTimeRange('2026-10-01T00:00:00Z', '2026-11-21T08:30:00Z', NOW, 'UTC')).toBe('Oct 1, 00:00 – 08:30');
  });
});

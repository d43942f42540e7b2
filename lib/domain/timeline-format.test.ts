import { describe, expect, it } from 'vitest';
import { elapsedMs, formatClock, formatDuration, formatOffset, formatRelative, formatTimestamp } from './timeline-format';

describe('formatDuration', () => {
  it.each([
    [850, '850ms'],
    [4_250, '4.2s'],
    [12_900, '12s'],
    [185_000, '3m 05s'],
    [8_040_000, '2h 14m'],
    [273_600_000, '3d 4h'],
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

describe('timestamps', () => {
  const iso = '2025-11-21T10:19:05.123Z';
  it('formats in the given zone', () => {
    expect(formatTimestamp(iso, 'UTC')).toBe('Nov 21, 2025, 10:19:05');
    expect(formatClock(iso, 'UTC')).toBe('10:19:05.123');
    expect(formatTimestamp('nope', 'UTC')).toBe('—');
  });
  it('says how far away a time is', () => {
    const now = Date.parse(iso);
    expect(formatRelative('2025-11-21T13:19:05.123Z', now)).toBe('in 3h 00m');
    expect(formatRelative('2025-11-21T10:18:05.123Z', now)).toBe('1m 00s ago');
    expect(formatRelative(iso, now)).toBe('just now');
  });
  it('measures elapsed time to the end or to now', () => {
    expect(elapsedMs(null, null, 0)).toBeNull();
    expect(elapsedMs('2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z', 0)).toBe(5_000);
    expect(elapsedMs('2025-01-01T00:00:00Z', null, Date.parse('2025-01-01T00:01:00Z'))).toBe(60_000);
  });
});

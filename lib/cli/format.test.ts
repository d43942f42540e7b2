import { describe, expect, it } from 'vitest';
import { ago, bar, clip, kv, list, table } from './format';
import { progressLine } from './render-upgrade';

describe('cli format', () => {
  it('aligns table columns and right-aligns numeric ones', () => {
    expect(
      table(
        ['ID', 'RUNS', 'NAME'],
        [
          ['a', '5', 'x'],
          ['bbb', '120', 'yy'],
        ],
      ).split('\n'),
    ).toEqual(['ID   RUNS  NAME', 'a       5  x', 'bbb   120  yy']);
  });

  it('prints key/value blocks, leaving undefined out and null as a dash', () => {
    expect(
      kv([
        ['status', 'live'],
        ['address', null],
        ['source', undefined],
      ]),
    ).toBe('status:  live\naddress: -');
  });

  it('draws the progress bar and line', () => {
    expect(bar(0, 10)).toBe('[----------]');
    expect(bar(5, 10)).toBe('[#####-----]');
    expect(bar(0, 0)).toBe('[##########]');
    expect(progressLine({ total: 1000, done: 400, failed: 2, skipped: 10 })).toBe('[####------] 412/1000 done 400 failed 2 skipped 10');
  });

  it('shortens lists, strings and times', () => {
    expect(list([])).toBe('none');
    expect(list(['a', 'b', 'c'], 2)).toBe('a, b (+1 more)');
    expect(clip('abcdef', 4)).toBe('abc…');
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(ago('2025-12-31T23:57:00Z', now)).toBe('3m ago');
    expect(ago('2026-01-03T00:00:00Z', now)).toBe('in 2d');
    expect(ago(null, now)).toBe('-');
  });
});

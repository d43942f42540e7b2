import { describe, expect, it } from 'vitest';
import type { LogLine } from '@/lib/contract/logs';
import { LogBuffer } from './log-buffer';

const line = (n: number, text = `line ${n}`): LogLine => ({ n, ts: '2026-01-01T00:00:00.000Z', stream: 'stdout', text });

describe('LogBuffer', () => {
  it('holds pages loaded out of order, with holes between them', () => {
    const b = new LogBuffer();
    b.grow(10);
    expect(b.put([line(8), line(9), line(10)])).toBe(3);
    expect(b.total).toBe(10);
    expect(b.loaded).toBe(3);
    expect(b.complete).toBe(false);
    expect(b.line(0)).toBeUndefined();
    expect(b.line(7)?.text).toBe('line 8');
    expect(b.firstMissing(0, 10)).toBe(0);
    expect(b.firstMissing(7, 10)).toBe(-1);
    b.put([1, 2, 3, 4, 5, 6, 7].map((n) => line(n)));
    expect(b.complete).toBe(true);
    expect(b.firstMissing(0, 10)).toBe(-1);
  });

  it('ignores lines it already holds (a page and the live tail overlapping)', () => {
    const b = new LogBuffer();
    b.put([line(1), line(2)]);
    expect(b.put([line(2, 'again'), line(3)])).toBe(1);
    expect(b.line(1)?.text).toBe('line 2');
    expect(b.loaded).toBe(3);
  });

  it('grows with the tail and never shrinks', () => {
    const b = new LogBuffer();
    b.grow(5);
    b.grow(2);
    expect(b.total).toBe(5);
    b.put([line(7)]);
    expect(b.total).toBe(7);
    expect(b.firstMissing(0, 100)).toBe(0);
  });

  it('keeps the plain text of each line for search', () => {
    const b = new LogBuffer();
    b.grow(2);
    b.put([line(2, '\u001b[31mred\u001b[0m')]);
    expect(b.plainTexts()).toEqual([undefined, 'red']);
  });
});

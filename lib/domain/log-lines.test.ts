import { describe, expect, it } from 'vitest';
import { cutNotice, encodeStreams, fitLines, formatBytes, isAttemptLive, isTailOver, lineBytes, partSizes, streamAt } from './log-lines';

describe('lineBytes', () => {
  it('counts UTF-8 bytes and the newline', () => {
    expect(lineBytes('')).toBe(1);
    expect(lineBytes('abc')).toBe(4);
    expect(lineBytes('é')).toBe(3);
    expect(lineBytes('😀')).toBe(5);
  });
});

describe('fitLines', () => {
  it('keeps lines in order up to the first that does not fit, and cuts the rest', () => {
    expect(fitLines([4, 4, 4], 0, 100, false)).toEqual({ kept: 3, keptBytes: 12, cutLines: 0, cutBytes: 0 });
    expect(fitLines([4, 4, 4], 90, 100, false)).toEqual({ kept: 2, keptBytes: 8, cutLines: 1, cutBytes: 4 });
    // A later, smaller line is not kept after a cut: the log stays a prefix of the output.
    expect(fitLines([20, 1], 90, 100, false)).toEqual({ kept: 0, keptBytes: 0, cutLines: 2, cutBytes: 21 });
  });
  it('keeps nothing once the bound was reached before', () => {
    expect(fitLines([1, 1], 10, 100, true)).toEqual({ kept: 0, keptBytes: 0, cutLines: 2, cutBytes: 2 });
  });
});

describe('partSizes', () => {
  it('splits by line count and bytes, at least one line a part', () => {
    expect(partSizes([])).toEqual([]);
    expect(partSizes([1, 1, 1, 1, 1], 2, 100)).toEqual([2, 2, 1]);
    expect(partSizes([60, 60, 10], 100, 100)).toEqual([1, 2]);
    expect(partSizes([500], 10, 100)).toEqual([1]);
  });
});

describe('streams', () => {
  it('round-trips one character a line', () => {
    const encoded = encodeStreams(['stdout', 'stderr', 'stdout']);
    expect(encoded).toBe('010');
    expect([0, 1, 2].map((i) => streamAt(encoded, i))).toEqual(['stdout', 'stderr', 'stdout']);
    expect(streamAt('9', 0)).toBe('stdout');
  });
});

describe('formatBytes and cutNotice', () => {
  it('say how much was cut', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 + 512)).toBe('3.5 KiB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.0 MiB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GiB');
    expect(cutNotice({ lines: 1, bytes: 10 })).toBe('[log truncated: 1 line (10 B) past the limit were not kept]');
    expect(cutNotice({ lines: 12_345, bytes: 2048 })).toBe('[log truncated: 12,345 lines (2.0 KiB) past the limit were not kept]');
  });
});

describe('isAttemptLive', () => {
  const facts = (nodeStatus: Parameters<typeof isAttemptLive>[0]['nodeStatus'], nodeAttempt: number, runActive = true) => ({
    runActive,
    nodeStatus,
    nodeAttempt,
  });
  it('is live while the node runs that attempt, or may still start it', () => {
    expect(isAttemptLive(facts('running', 2), 2)).toBe(true);
    expect(isAttemptLive(facts('running', 2), 1)).toBe(false);
    expect(isAttemptLive(facts('pending', 0), 1)).toBe(true);
    expect(isAttemptLive(facts('failed', 1), 2)).toBe(true);
    expect(isAttemptLive(facts('failed', 1), 1)).toBe(false);
    expect(isAttemptLive(facts('success', 1), 1)).toBe(false);
    expect(isAttemptLive(facts('running', 1, false), 1)).toBe(false);
  });
});

describe('isTailOver', () => {
  it('ends on the writer end, or after the grace period once the attempt is not live', () => {
    const base = { ended: false, live: false, lastActivityMs: 1000, nowMs: 1500, graceMs: 1000 };
    expect(isTailOver(base)).toBe(false);
    expect(isTailOver({ ...base, nowMs: 2000 })).toBe(true);
    expect(isTailOver({ ...base, nowMs: 9000, live: true })).toBe(false);
    expect(isTailOver({ ...base, live: true, ended: true })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { LogLine } from '@/lib/contract/logs';
import { cutNote, eventLines, formatLine, SseParser } from './run-logs';

const line = (n: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine => ({ n, ts: '2026-12-08T03:00:00.000Z', stream, text });

describe('SseParser', () => {
  it('splits events across chunks, joins data lines, keeps the last id and skips comments', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\nid: 3\nevent: lines\ndata: {"a"')).toEqual([]);
    expect(p.push(':1}\r\n\r\ndata: one\ndata: two\n\n')).toEqual([
      { event: 'lines', data: '{"a":1}', id: '3' },
      { event: 'message', data: 'one\ntwo', id: '3' },
    ]);
    expect(p.push('event: end\ndata:\n\n')).toEqual([{ event: 'end', data: '', id: '3' }]);
  });
});

describe('eventLines', () => {
  it('reads one line, an array of lines or { lines }', () => {
    const a = line(1, 'a');
    const b = line(2, 'b');
    expect(eventLines({ event: 'message', id: '1', data: JSON.stringify(a) })).toEqual([a]);
    expect(eventLines({ event: 'message', id: '2', data: JSON.stringify([a, b]) })).toEqual([a, b]);
    expect(eventLines({ event: 'lines', id: '2', data: JSON.stringify({ lines: [a, b] }) })).toEqual([a, b]);
  });
  it('ignores what is not lines', () => {
    expect(eventLines({ event: 'end', id: null, data: '{"attempt":1}' })).toEqual([]);
    expect(eventLines({ event: 'message', id: null, data: 'not json' })).toEqual([]);
  });
});

describe('cutNote and formatLine', () => {
  it('says how much of a cut log was not kept', () => {
    expect(cutNote({ attempt: 1, lines: 10, bytes: 100, ended: true, truncated: { lines: 12345, bytes: 67890 } })).toBe(
      '[log cut: 12,345 line(s), 67,890 byte(s) past the limit were not kept]',
    );
    expect(cutNote({ attempt: 1, lines: 10, bytes: 100, ended: true, truncated: null })).toBeNull();
    expect(cutNote(undefined)).toBeNull();
  });
  it('prints the text alone, or with time and stream', () => {
    expect(formatLine(line(1, 'hello'), {})).toBe('hello');
    expect(formatLine(line(1, 'oops', 'stderr'), { timestamps: true })).toBe('2026-12-08T03:00:00.000Z E oops');
  });
});

import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

function split(chunks: (string | Buffer)[], max?: number): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l), max);
  for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c);
  s.end();
  return lines;
}

describe('LineSplitter', () => {
  it('splits chunks into lines, joining a line cut across chunks, keeping empty lines', () => {
    expect(split(['one\ntw', 'o\n\nthr', 'ee\n'])).toEqual(['one', 'two', '', 'three']);
  });

  it('emits a partial last line at the end, and drops the \\r of a CRLF', () => {
    expect(split(['a\r\nb\r\nlast'])).toEqual(['a', 'b', 'last']);
  });

  it('keeps a multi-byte character whole when a chunk ends inside it', () => {
    const bytes = Buffer.from('héllo wörld ✓ 🚀\n');
    const chunks = [...bytes].map((b) => Buffer.from([b])); // one byte at a time
    expect(split(chunks)).toEqual(['héllo wörld ✓ 🚀']);
  });

  it('cuts an over-long line into parts on character boundaries, as it arrives', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), 10);
    s.push(Buffer.from('ééééé')); // 10 bytes: still a partial line
    expect(lines).toEqual([]);
    s.push(Buffer.from('éé')); // 14 bytes: a 10-byte part goes out at once
    expect(lines).toEqual(['ééééé']);
    s.push(Buffer.from('x\n'));
    expect(lines).toEqual(['ééééé', 'ééx']);
    s.push(Buffer.from('abcdefghi€\n')); // 9 + 3 bytes: the euro sign does not fit in the first part
    expect(lines.slice(2)).toEqual(['abcdefghi', '€']);
    expect(lines.every((l) => Buffer.byteLength(l) <= 10)).toBe(true);
  });

  it('emits nothing for an empty stream', () => {
    expect(split([])).toEqual([]);
  });
});

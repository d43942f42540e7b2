import { describe, expect, it } from 'vitest';
import { findLogMatches, formatLineCount, logCutText, MAX_LOG_MATCHES, matchIndexFrom, splitHighlights, stripAnsi, termRanges, xtermColor } from './log-view';

describe('stripAnsi', () => {
  it('removes colour, cursor and title sequences and keeps the text', () => {
    expect(stripAnsi('\u001b[1;31mERROR\u001b[0m: disk full')).toBe('ERROR: disk full');
    expect(stripAnsi('\u001b[2K\u001b[1Gprogress 50%')).toBe('progress 50%');
    expect(stripAnsi('\u001b]0;title\u0007done')).toBe('done');
    expect(stripAnsi('\u001b[38;2;10;20;30mrgb\u001b[m')).toBe('rgb');
  });
  it('returns a line without escapes unchanged', () => {
    expect(stripAnsi('plain [1] text')).toBe('plain [1] text');
  });
});

describe('findLogMatches', () => {
  const texts = ['line 1', undefined, 'Line 12 and line 120', 'nothing'];
  it('finds every case-insensitive occurrence in order, skipping rows not loaded', () => {
    expect(findLogMatches(texts, 'line 1')).toEqual([
      { row: 0, start: 0, end: 6 },
      { row: 2, start: 0, end: 6 },
      { row: 2, start: 12, end: 18 },
    ]);
  });
  it('finds nothing for an empty query or a missing word', () => {
    expect(findLogMatches(texts, '')).toEqual([]);
    expect(findLogMatches(texts, 'absent')).toEqual([]);
  });
  it('does not count overlapping occurrences twice', () => {
    expect(findLogMatches(['aaaa'], 'aa')).toHaveLength(2);
  });
  it('stops at the limit', () => {
    expect(findLogMatches(['x x x x'], 'x', 3)).toHaveLength(3);
    expect(
      findLogMatches(
        Array.from({ length: MAX_LOG_MATCHES + 5 }, () => 'x'),
        'x',
      ),
    ).toHaveLength(MAX_LOG_MATCHES);
  });
});

describe('matchIndexFrom', () => {
  const matches = [
    { row: 2, start: 0, end: 1 },
    { row: 2, start: 4, end: 5 },
    { row: 9, start: 0, end: 1 },
  ];
  it('picks the first match at or after a row, wrapping to the first', () => {
    expect(matchIndexFrom(matches, 0)).toBe(0);
    expect(matchIndexFrom(matches, 2)).toBe(0);
    expect(matchIndexFrom(matches, 3)).toBe(2);
    expect(matchIndexFrom(matches, 10)).toBe(0);
  });
  it('is -1 without matches', () => {
    expect(matchIndexFrom([], 4)).toBe(-1);
  });
});

describe('splitHighlights', () => {
  const segs = [
    { text: 'hello ', style: 'red' },
    { text: 'world', style: 'plain' },
  ];
  it('keeps segments whole without ranges', () => {
    expect(splitHighlights(segs, [])).toEqual([
      { text: 'hello ', style: 'red', mark: null },
      { text: 'world', style: 'plain', mark: null },
    ]);
  });
  it('cuts a match that spans two segments and marks the current one', () => {
    expect(splitHighlights(segs, [{ start: 4, end: 8, current: true }])).toEqual([
      { text: 'hell', style: 'red', mark: null },
      { text: 'o ', style: 'red', mark: 'current' },
      { text: 'wo', style: 'plain', mark: 'current' },
      { text: 'rld', style: 'plain', mark: null },
    ]);
  });
  it('handles several ranges inside one segment', () => {
    const pieces = splitHighlights(
      [{ text: 'abcabc', style: 0 }],
      [
        { start: 0, end: 1, current: false },
        { start: 3, end: 4, current: false },
      ],
    );
    expect(pieces.map((p) => [p.text, p.mark])).toEqual([
      ['a', 'match'],
      ['bc', null],
      ['a', 'match'],
      ['bc', null],
    ]);
  });
});

describe('xtermColor', () => {
  it('maps the colour cube and the grey ramp', () => {
    expect(xtermColor(16)).toBe('rgb(0, 0, 0)');
    expect(xtermColor(196)).toBe('rgb(255, 0, 0)');
    expect(xtermColor(231)).toBe('rgb(255, 255, 255)');
    expect(xtermColor(232)).toBe('rgb(8, 8, 8)');
    expect(xtermColor(255)).toBe('rgb(238, 238, 238)');
  });
  it('leaves the 16 theme colours and bad indexes to the caller', () => {
    expect(xtermColor(1)).toBeNull();
    expect(xtermColor(256)).toBeNull();
    expect(xtermColor(20.5)).toBeNull();
  });
});

describe('sizes and counts', () => {
  it('formats line counts', () => {
    expect(formatLineCount(1)).toBe('1 line');
    expect(formatLineCount(100_000)).toBe('100,000 lines');
  });
  it('says what a cut log lost', () => {
    expect(logCutText({ lines: 1234, bytes: 3 * 1024 * 1024 }, { bytes: 16 * 1024 * 1024 - 70 })).toBe('1,234 lines / 3.0 MiB cut past the 16.0 MiB bound');
    expect(logCutText({ lines: 1, bytes: 2048 }, { bytes: 300 })).toBe("1 line / 2.0 KiB cut past the log's size bound");
  });
});

describe('termRanges', () => {
  it('finds each word of the search, merged where they touch', () => {
    expect(termRanges('Deploy failed: pod api failed', 'failed api')).toEqual([
      { start: 7, end: 13 },
      { start: 19, end: 22 },
      { start: 23, end: 29 },
    ]);
    expect(termRanges('abcdef', 'abc cde')).toEqual([{ start: 0, end: 5 }]);
  });
  it('finds nothing for an empty search', () => {
    expect(termRanges('text', '  ')).toEqual([]);
  });
});

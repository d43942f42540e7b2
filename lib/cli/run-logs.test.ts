import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine, LogPage } from '@/lib/contract/logs';
import { cutNote, eventLines, formatLine, printLog, SseParser } from './run-logs';

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

describe('printLog against a server', () => {
  // A log that grows while it is followed; the first live stream drops after a few lines, the second ends it.
  const stored: LogLine[] = [];
  let ended = false;
  let streams = 0;
  const add = (count: number) => {
    for (let i = 0; i < count; i++) stored.push(line(stored.length + 1, `line ${stored.length + 1}`));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('cursor') ?? 0);
    if (url.pathname.endsWith('/logs')) {
      const lines = stored.filter((l) => l.n > after).slice(0, 2); // small pages: the cursor is followed
      const page: LogPage = {
        runId: 'run_1',
        nodeId: 'build',
        attempt: 1,
        attempts: [{ attempt: 1, lines: stored.length, bytes: 0, ended, truncated: ended ? { lines: 5, bytes: 50 } : null }],
        lines,
        nextCursor: lines.length > 0 && (lines.at(-1)?.n ?? 0) < stored.length ? (lines.at(-1)?.n ?? null) : null,
      };
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify(page));
    }
    streams++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = () => {
      const lines = stored.filter((l) => l.n > after);
      if (lines.length) res.write(`id: ${lines.at(-1)?.n}\nevent: lines\ndata: ${JSON.stringify(lines)}\n\n`);
    };
    if (streams === 1) {
      send();
      setTimeout(() => {
        add(3); // lines 4-6 arrive, but the connection drops before they are sent
        res.socket?.destroy();
      }, 50);
    } else {
      send();
      add(2);
      ended = true;
      const more = stored.filter((l) => l.n > after && l.n > stored.length - 2);
      res.write(`: keep-alive\n\nid: ${stored.length}\nevent: lines\ndata: ${JSON.stringify(more)}\n\nevent: end\ndata: {}\n\n`);
      res.end();
    }
  });
  let previous: string | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    previous = process.env.FLOWDECK_URL;
    process.env.FLOWDECK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    process.env.FLOWDECK_URL = previous;
    server.close();
  });

  it('prints the pages, then follows the live stream through a dropped connection, each line once, until the end', async () => {
    add(3);
    const out: string[] = [];
    const notes: string[] = [];
    await printLog('run_1', 'build', { follow: true }, { line: (t) => out.push(t), note: (t) => notes.push(t) });
    expect(out).toEqual(Array.from({ length: 8 }, (_, i) => `line ${i + 1}`));
    expect(streams).toBe(2);
    expect(notes).toEqual(['[log cut: 5 line(s), 50 byte(s) past the limit were not kept]']);
  });

  it('without --follow prints what is stored and returns', async () => {
    const out: string[] = [];
    await printLog('run_1', 'build', { timestamps: true }, { line: (t) => out.push(t), note: () => undefined });
    expect(out).toHaveLength(8);
    expect(out[0]).toBe('2026-12-08T03:00:00.000Z O line 1');
  });
});

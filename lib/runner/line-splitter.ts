import { MAX_LOG_LINE_CHARS } from '@/lib/domain/log-lines';

/** Where a cut at most `max` bytes into `buf` keeps every UTF-8 character whole (not before a continuation byte). */
function charBoundary(buf: Buffer, max: number): number {
  let at = max;
  while (at > 0 && ((buf[at] as number) & 0xc0) === 0x80) at--;
  return at === 0 ? max : at;
}

/**
 * Splits one output stream into lines as its chunks arrive. A line ends at `\n` (a `\r` before it is
 * dropped); bytes are decoded only once a line is complete, so a multi-byte character split across chunks
 * stays whole. A line longer than `maxLineBytes` is emitted in parts of at most that many bytes (cut on a
 * character boundary) as soon as they are there, so one endless line never grows the buffer; the partial
 * last line is emitted by end().
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly maxLineBytes = MAX_LOG_LINE_CHARS,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      let line = chunk.subarray(start, nl);
      if (this.pendingBytes > 0) {
        line = Buffer.concat([...this.pending, line]);
        this.pending = [];
        this.pendingBytes = 0;
      }
      this.line(line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line);
      start = nl + 1;
    }
    if (start >= chunk.length) return;
    this.pending.push(chunk.subarray(start));
    this.pendingBytes += chunk.length - start;
    if (this.pendingBytes <= this.maxLineBytes) return;
    // An over-long partial line: emit its full parts now, keep the rest.
    let rest = Buffer.concat(this.pending);
    while (rest.length > this.maxLineBytes) {
      const cut = charBoundary(rest, this.maxLineBytes);
      this.emit(rest.subarray(0, cut).toString('utf8'));
      rest = rest.subarray(cut);
    }
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }

  /** The stream ended: a partial last line becomes a line. */
  end(): void {
    if (this.pendingBytes === 0) return;
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.line(rest);
  }

  private line(bytes: Buffer): void {
    let rest = bytes;
    while (rest.length > this.maxLineBytes) {
      const cut = charBoundary(rest, this.maxLineBytes);
      this.emit(rest.subarray(0, cut).toString('utf8'));
      rest = rest.subarray(cut);
    }
    this.emit(rest.toString('utf8'));
  }
}

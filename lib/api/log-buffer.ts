import type { LogLine } from '@/lib/contract/logs';
import { stripAnsi } from '@/lib/domain/log-view';

/**
 * The lines of one node attempt's log as far as the viewer has them: a sparse array by line number
 * (row = n - 1), filled by pages in any order and by the live tail at the end. `total` is the number of
 * lines the attempt has as far as anyone told us (page heads, the tail); rows not loaded yet are holes.
 */
export class LogBuffer {
  private readonly rows: (LogLine | undefined)[] = [];
  private readonly plain: (string | undefined)[] = [];
  private count = 0;
  private size = 0;

  /** Lines known to exist (loaded or not). */
  get total(): number {
    return this.size;
  }

  /** Lines held. */
  get loaded(): number {
    return this.count;
  }

  get complete(): boolean {
    return this.count === this.size;
  }

  /** The attempt has at least `lines` lines. */
  grow(lines: number): void {
    if (lines > this.size) {
      this.size = lines;
      this.rows.length = lines;
      this.plain.length = lines;
    }
  }

  /** Stores lines (any order, repeats ignored); returns how many were new. */
  put(lines: readonly LogLine[]): number {
    let added = 0;
    for (const line of lines) {
      const row = line.n - 1;
      if (row < 0 || this.rows[row] !== undefined) continue;
      this.grow(line.n);
      this.rows[row] = line;
      this.plain[row] = stripAnsi(line.text);
      added++;
    }
    this.count += added;
    return added;
  }

  line(row: number): LogLine | undefined {
    return this.rows[row];
  }

  /** Each row's text without escape sequences (holes are undefined): what search runs over. */
  plainTexts(): readonly (string | undefined)[] {
    return this.plain;
  }

  /** The first row in [from, to) not held yet, or -1. */
  firstMissing(from: number, to: number): number {
    const end = Math.min(to, this.size);
    for (let row = Math.max(0, from); row < end; row++) if (this.rows[row] === undefined) return row;
    return -1;
  }
}

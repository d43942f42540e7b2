import 'server-only';
import { AppError } from '@/lib/errors';

export interface WriteBudgetOptions {
  /** The share of wall time the gated writes may keep the store busy (0–1), over `windowMs`. */
  share: number;
  windowMs: number;
  /** How long a write waits for its turn before it is refused (503, Retry-After). */
  maxWaitMs: number;
  /** Writes waiting at once beyond the one running; more are refused at once. */
  maxQueue: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Admission for a heavy, bulk kind of write (log appends): one at a time per process, and only while
 * such writes used less than `share` of the last `windowMs`, so reads and other writes always find the
 * store free most of the time. A write that cannot get its turn within `maxWaitMs` (or finds the queue
 * full) is refused with 503 `unavailable` before its body is read; the writer retries after a second.
 */
export class WriteBudget {
  private running = false;
  private waiting = 0;
  /** Finished writes in the window: [start, end]. */
  private spans: [number, number][] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WriteBudgetOptions) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Busy milliseconds within the window ending now. */
  usedMs(at = this.now()): number {
    const from = at - this.options.windowMs;
    this.spans = this.spans.filter(([, end]) => end > from);
    return this.spans.reduce((sum, [start, end]) => sum + (end - Math.max(start, from)), 0);
  }

  /** Waits for a turn; returns the function that ends it. Throws 503 when none comes in time. */
  async enter(): Promise<() => void> {
    if (this.waiting >= this.options.maxQueue) throw this.refusal();
    const deadline = this.now() + this.options.maxWaitMs;
    this.waiting++;
    try {
      for (;;) {
        const at = this.now();
        if (!this.running && this.usedMs(at) < this.options.share * this.options.windowMs) {
          this.running = true;
          let done = false;
          return () => {
            if (done) return;
            done = true;
            this.running = false;
            this.spans.push([at, this.now()]);
          };
        }
        if (at >= deadline) throw this.refusal();
        await this.sleep(Math.min(20, deadline - at));
      }
    } finally {
      this.waiting--;
    }
  }

  private refusal(): AppError {
    return new AppError('unavailable', 'this server is busy storing other logs: retry in a second', { retryAfterSeconds: 1 });
  }
}

const KEY = Symbol.for('flowdeck.log-write-budget');

/** The log appends' budget of this server process (shared through globalThis: Next.js may load a module twice). */
export function logWriteBudget(): WriteBudget {
  const holder = globalThis as { [KEY]?: WriteBudget };
  holder[KEY] ??= new WriteBudget({ share: 0.5, windowMs: 1000, maxWaitMs: 2000, maxQueue: 8 });
  return holder[KEY];
}

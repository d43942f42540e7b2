import { isApiError, isRetryable } from '@/lib/api/fetch-json';
import type { LogAppendBody } from '@/lib/contract/logs';
import { LOG_FLUSH_MS, type LogStream } from '@/lib/domain/log-lines';
import { LineSplitter } from './line-splitter';

type LogLineIn = LogAppendBody['lines'][number];

export interface LogUploadOptions {
  /** POST …/runs/{runId}/nodes/{nodeId}/logs for this step. */
  send: (body: LogAppendBody) => Promise<unknown>;
  attempt: number;
  lease?: { runnerId: string };
  /** Bytes of output kept for the attempt (each line's UTF-8 text and its newline); past them lines are counted as dropped. */
  limitBytes: number;
  /** Secret masking, applied to each line before it is kept. */
  mask?: (text: string) => string;
  /** How far behind the output an upload may be; a batch goes out after half of it, leaving time for the request. */
  flushMs?: number;
  /** A batch goes out at once when it holds this many lines… */
  maxBatchLines?: number;
  /** …or this many bytes of text (well under the API's body limit, even with JSON escapes). */
  maxBatchBytes?: number;
  /** Whether a failed batch is worth sending again (the run still ours, not halted). */
  keepTrying?: () => boolean;
  /** Said once when uploading stops for good (refused, or gave up retrying). */
  onProblem?: (message: string) => void;
  /** Pause before retry number n (from 1); default 1 s after a 503/429, else 200 ms doubling up to 5 s. */
  backoffMs?: (n: number) => number;
}

export interface LogUploadSummary {
  lines: number;
  bytes: number;
  dropped: { lines: number; bytes: number };
  batches: number;
  /** Whether every batch, the last (end: true) included, was stored. */
  complete: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A step attempt's output on its way to the server: each stream split into lines (LineSplitter), masked,
 * timestamped on arrival, bounded, and uploaded in batches numbered from 0 (`seq`) — one request at a time,
 * in order, a failed one sent again with the same number on network trouble and 5xx, so the server stores
 * each batch once. write() never waits on the network: while a request is under way lines gather in the
 * next batch, up to the bound.
 */
export class LogUpload {
  private readonly splitters: Record<LogStream, LineSplitter>;
  private readonly queue: LogAppendBody[] = [];
  private open: LogLineIn[] = [];
  private openBytes = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;
  private kept = { lines: 0, bytes: 0 };
  private readonly dropped = { lines: 0, bytes: 0 };
  private droppedSent = 0;
  private stamp = '';
  private pump: Promise<void> | null = null;
  private stopped = false;
  private stored = 0;
  private ended = false;

  constructor(private readonly o: LogUploadOptions) {
    const at = (stream: LogStream) => new LineSplitter((text) => this.line(stream, text));
    this.splitters = { stdout: at('stdout'), stderr: at('stderr') };
  }

  /** A chunk of a stream's output, as it arrives; its lines get the arrival time. */
  write(stream: LogStream, chunk: Buffer, at = Date.now()): void {
    if (this.ended) return;
    this.stamp = new Date(at).toISOString();
    this.splitters[stream].push(chunk);
  }

  private line(stream: LogStream, raw: string): void {
    const text = this.o.mask ? this.o.mask(raw) : raw;
    const bytes = Buffer.byteLength(text) + 1;
    this.dirty = true;
    if (this.kept.bytes + bytes > this.o.limitBytes) {
      this.dropped.lines++;
      this.dropped.bytes += bytes;
    } else {
      this.kept.lines++;
      this.kept.bytes += bytes;
      this.open.push({ ts: this.stamp, stream, text });
      this.openBytes += bytes;
      if (this.open.length >= (this.o.maxBatchLines ?? 5_000) || this.openBytes >= (this.o.maxBatchBytes ?? 512 * 1024)) {
        this.seal(false);
        return;
      }
    }
    this.timer ??= setTimeout(() => this.seal(false), (this.o.flushMs ?? LOG_FLUSH_MS) / 2);
  }

  /** Closes the open batch (when it holds anything new, or it is the last) and starts sending. */
  private seal(end: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty && !end) return;
    const body: LogAppendBody = { attempt: this.o.attempt, seq: this.seq++, lines: this.open };
    if (this.dropped.lines > 0 && (end || this.dropped.lines !== this.droppedSent)) body.dropped = { ...this.dropped };
    this.droppedSent = this.dropped.lines;
    if (end) body.end = true;
    if (this.o.lease) body.lease = this.o.lease;
    this.open = [];
    this.openBytes = 0;
    this.dirty = false;
    if (this.stopped) return;
    this.queue.push(body);
    this.kick();
  }

  private kick(): void {
    if (this.pump || this.stopped) return;
    this.pump = this.drain().finally(() => {
      this.pump = null;
      if (this.queue.length > 0) this.kick(); // sealed while the last request was settling
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const body = this.queue[0] as LogAppendBody;
      if (!(await this.deliver(body))) return this.stop();
      this.queue.shift();
      this.stored++;
    }
  }

  private async deliver(body: LogAppendBody): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.send(body);
        return true;
      } catch (err) {
        const message = isApiError(err) ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
        if (!isRetryable(err)) {
          const lost = isApiError(err) && err.status === 409 && err.code === 'lease_lost';
          this.o.onProblem?.(`log upload refused${lost ? ' (the lease is lost)' : ''}: ${message}; the rest of this attempt's log is not uploaded`);
          return false;
        }
        if (!(this.o.keepTrying?.() ?? true) || this.stopped) {
          this.o.onProblem?.(`log upload failed: ${message}; the rest of this attempt's log is not uploaded`);
          return false;
        }
        // A server holding appends back (503/429: its write budget, `Retry-After: 1`) is asked again a second later;
        // network trouble and other 5xx back off from 200 ms to 5 s.
        const busy = isApiError(err) && (err.status === 503 || err.status === 429);
        await sleep(this.o.backoffMs?.(attempt) ?? (busy ? 1_000 : Math.min(200 * 2 ** (attempt - 1), 5_000)));
      }
    }
  }

  private stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  /** The output ended: the partial last lines go out, then a last batch with `end: true`; resolves once all is sent (or given up). */
  async finish(): Promise<LogUploadSummary> {
    if (!this.ended) {
      this.splitters.stdout.end();
      this.splitters.stderr.end();
      this.ended = true;
      this.seal(true);
    }
    while (this.pump) await this.pump;
    return { ...this.kept, dropped: { ...this.dropped }, batches: this.seq, complete: !this.stopped && this.stored === this.seq };
  }
}

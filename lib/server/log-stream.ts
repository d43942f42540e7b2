import 'server-only';
import type { LogLine } from '@/lib/contract/logs';
import type { Db } from '@/lib/db/client';
import { attemptInfo, getLogAttemptState, getTailState, readLogLines } from '@/lib/db/queries/logs';
import { isAttemptLive, isTailOver } from '@/lib/domain/log-lines';

export interface TailTiming {
  /** How often the store is asked for new lines (every replica polls the shared store: no in-process bus). */
  pollMs: number;
  /** A comment line at least this often, so proxies keep an idle stream open. */
  keepaliveMs: number;
  /** How long a finished attempt's tail waits for lines still in flight before it ends. */
  graceMs: number;
}

export const TAIL_TIMING: TailTiming = { pollMs: 400, keepaliveMs: 15_000, graceMs: 3_000 };
/** Lines per `lines` event (a reconnect far behind catches up in events of this size). */
const EVENT_LINES = 1000;

export interface TailInput {
  runId: string;
  nodeId: string;
  attempt: number;
  /** The last line the client has (exclusive). */
  cursor: number;
}

const encoder = new TextEncoder();
const linesEvent = (lines: LogLine[]) => `id: ${lines.at(-1)?.n ?? 0}\nevent: lines\ndata: ${JSON.stringify(lines)}\n\n`;

/**
 * A node attempt's log as server-sent events: the lines after the cursor, then new lines as they are
 * stored (the store polled every `pollMs` with primary-key reads), keepalive comments while idle, and an
 * `end` event once the attempt is over. Pull-driven, so a slow client slows the polling instead of
 * queueing; it stops (and clears its timer) when the client goes away, by `signal` or by cancelling.
 */
export function logTail(db: Db, input: TailInput, signal: AbortSignal, timing: TailTiming = TAIL_TIMING): ReadableStream<Uint8Array> {
  let cursor = input.cursor;
  let stopped = signal.aborted;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let lastSent = Date.now();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    wake?.();
  };
  signal.addEventListener('abort', stop, { once: true });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>, data: string | null) => {
    signal.removeEventListener('abort', stop);
    stop();
    try {
      if (data !== null) controller.enqueue(encoder.encode(`event: end\ndata: ${data}\n\n`));
      controller.close();
    } catch {
      // The client went away first: the stream is already cancelled.
    }
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: 2000\n: tailing ${input.runId}/${input.nodeId} attempt ${input.attempt}\n\n`));
    },
    // Each pull sends one thing (lines, a keepalive or the end), polling until there is one.
    async pull(controller) {
      while (!stopped) {
        const state = await getLogAttemptState(db, input.runId, input.nodeId, input.attempt);
        if (stopped) break;
        if (state && state.lines > cursor) {
          const lines = await readLogLines(db, input.runId, input.nodeId, input.attempt, cursor, EVENT_LINES);
          if (stopped) break;
          if (lines.length > 0) {
            cursor = lines.at(-1)?.n ?? cursor;
            lastSent = Date.now();
            controller.enqueue(encoder.encode(linesEvent(lines)));
            return;
          }
        }
        const tail = await getTailState(db, input.runId, input.nodeId);
        if (stopped) break;
        // The last sign of life: the last stored batch, or the node finishing (a log's last lines may follow it).
        const lastActivity = Math.max(state?.updatedAt.getTime() ?? 0, tail?.nodeFinishedAt?.getTime() ?? 0);
        const over = isTailOver({
          ended: state?.ended === true,
          live: tail !== null && isAttemptLive(tail, input.attempt),
          lastActivityMs: lastActivity,
          nowMs: Date.now(),
          graceMs: timing.graceMs,
        });
        if (over) {
          const info = state ? attemptInfo(state) : { attempt: input.attempt, lines: 0, bytes: 0, truncated: null, ended: true };
          return finish(controller, JSON.stringify({ ...info, ended: true }));
        }
        if (Date.now() - lastSent >= timing.keepaliveMs) {
          lastSent = Date.now();
          controller.enqueue(encoder.encode(': keepalive\n\n'));
          return;
        }
        await sleep(timing.pollMs);
      }
      finish(controller, null);
    },
    cancel() {
      signal.removeEventListener('abort', stop);
      stop();
    },
  });
}

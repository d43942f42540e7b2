import { type Command, InvalidArgumentError } from 'commander';
import { isApiError } from '@/lib/api/fetch-json';
import type { LogAttemptInfo, LogLine, LogPage } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';
import { api, CliError, EXIT } from './http-client';

/** One server-sent event: its `event` name (`message` when unnamed), `data` lines joined, and `id`. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/** Splits a text/event-stream into events as its text arrives (the EventSource rules: comments, multi-line data). */
export class SseParser {
  private buffer = '';
  private event = { event: '', data: [] as string[], id: null as string | null };

  push(text: string): SseEvent[] {
    this.buffer += text;
    const out: SseEvent[] = [];
    for (let nl = this.buffer.search(/\r\n|\r|\n/); nl !== -1; nl = this.buffer.search(/\r\n|\r|\n/)) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(this.buffer.startsWith('\r\n', nl) ? nl + 2 : nl + 1);
      if (line === '') {
        if (this.event.data.length > 0) out.push({ event: this.event.event || 'message', data: this.event.data.join('\n'), id: this.event.id });
        this.event = { event: '', data: [], id: this.event.id };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') this.event.data.push(value);
      else if (field === 'event') this.event.event = value;
      else if (field === 'id') this.event.id = value;
    }
    return out;
  }
}

const isLine = (v: unknown): v is LogLine => !!v && typeof v === 'object' && typeof (v as LogLine).n === 'number' && typeof (v as LogLine).text === 'string';

/** The log lines an event of the live stream carries: one line, an array of them, or `{ lines }`. */
export function eventLines(e: SseEvent): LogLine[] {
  let value: unknown;
  try {
    value = JSON.parse(e.data);
  } catch {
    return [];
  }
  if (isLine(value)) return [value];
  const list = Array.isArray(value) ? value : (value as { lines?: unknown } | null)?.lines;
  return Array.isArray(list) ? list.filter(isLine) : [];
}

/** What a reader is told after the lines of a cut log. */
export function cutNote(info: LogAttemptInfo | undefined): string | null {
  if (!info?.truncated) return null;
  const { lines, bytes } = info.truncated;
  return `[log cut: ${lines.toLocaleString('en-US')} line(s), ${bytes.toLocaleString('en-US')} byte(s) past the limit were not kept]`;
}

export function formatLine(line: LogLine, o: { timestamps?: boolean }): string {
  return o.timestamps ? `${line.ts} ${line.stream === 'stderr' ? 'E' : 'O'} ${line.text}` : line.text;
}

export interface LogsOptions {
  attempt?: number;
  follow?: boolean;
  timestamps?: boolean;
}

interface Position {
  attempt: number | undefined;
  cursor: number;
  info: LogAttemptInfo | undefined;
}

/** Failed attempts in a row (about half a minute) before --follow gives up on an unreachable server. */
const FOLLOW_RETRIES = 15;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the pages after `from.cursor`, printing their lines; returns where it got to and the attempt's state. */
async function readPages(runId: string, nodeId: string, from: Position, write: (line: LogLine) => void): Promise<Position> {
  const client = api();
  let { attempt, cursor } = from;
  let info = from.info;
  for (;;) {
    const page = await client.get<LogPage>(routes.api.runNodeLogs(runId, nodeId, { attempt, cursor: cursor || undefined, limit: 5000 }));
    attempt = page.attempt;
    info = page.attempts.find((a) => a.attempt === page.attempt);
    for (const line of page.lines) write(line);
    cursor = page.lines.at(-1)?.n ?? cursor;
    if (page.nextCursor === null || page.lines.length === 0) return { attempt, cursor, info };
  }
}

/** Tails the live stream from `at`, printing lines past it, until the stream closes; returns the last line number seen. */
async function tail(runId: string, nodeId: string, at: Position, write: (line: LogLine) => void): Promise<number> {
  const res = await api().open(routes.api.runNodeLogStream(runId, nodeId, { attempt: at.attempt, cursor: at.cursor }), {
    Accept: 'text/event-stream',
    'Last-Event-ID': String(at.cursor),
  });
  let cursor = at.cursor;
  const parser = new SseParser();
  const decoder = new TextDecoder();
  if (!res.body) return cursor;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    for (const e of parser.push(decoder.decode(chunk, { stream: true }))) {
      for (const line of eventLines(e)) {
        if (line.n <= cursor) continue;
        write(line);
        cursor = line.n;
      }
      if (e.event === 'end') return cursor;
    }
  }
  return cursor;
}

/**
 * Prints a node attempt's log: its pages, then with `follow` the live stream until the attempt ends — after
 * a dropped stream, the pages again from the last line seen (nothing missed, nothing twice), then the stream.
 */
export async function printLog(runId: string, nodeId: string, o: LogsOptions, out: { line(text: string): void; note(text: string): void }): Promise<void> {
  const write = (line: LogLine) => out.line(formatLine(line, o));
  let at = await readPages(runId, nodeId, { attempt: o.attempt, cursor: 0, info: undefined }, write);
  let quiet = 0;
  let trouble = 0;
  while (o.follow && !at.info?.ended) {
    const before = at.cursor;
    try {
      at = { ...at, cursor: await tail(runId, nodeId, at, write) };
      // The stream ended or dropped: the pages say whether the attempt is over (and hold anything missed).
      at = await readPages(runId, nodeId, at, write);
      trouble = 0;
    } catch (err) {
      // A refusal ends it; a dropped connection or a server away for a moment is waited out, then resumed
      // from the last line seen.
      if ((isApiError(err) && err.isClientError) || (err instanceof CliError && err.exitCode !== EXIT.unreachable) || ++trouble > FOLLOW_RETRIES) throw err;
    }
    quiet = at.cursor === before ? quiet + 1 : 0;
    if (!at.info?.ended) await sleep(Math.min(250 * 2 ** Math.max(quiet, trouble), 2_000));
  }
  const note = cutNote(at.info);
  if (note) out.note(note);
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

/** `flowdeck run logs RUN STEP`: a step's log as plain text; with --follow, its live tail until the attempt ends. */
export function registerRunLogs(run: Command): void {
  run
    .command('logs')
    .description("print a step's log (its latest attempt unless --attempt); --follow tails it until the attempt ends")
    .argument('<id>', 'run id (run_…)')
    .argument('<step>', 'step (node) id')
    .option('--attempt <n>', 'which attempt (default: the latest with a log)', positive)
    .option('-f, --follow', 'keep printing new lines as they arrive, until the attempt ends')
    .option('-t, --timestamps', 'prefix each line with its time and stream (O stdout, E stderr)')
    .action(async (runId: string, nodeId: string, o: LogsOptions) => {
      await printLog(runId, nodeId, o, {
        line: (text) => process.stdout.write(`${text}\n`),
        note: (text) => process.stderr.write(`${text}\n`),
      });
    });
}

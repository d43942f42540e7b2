import { decodeTime } from 'ulid';
import type { ImportRun } from '@/lib/contract/engine-import';
import type { LogAppendBody } from '@/lib/contract/logs';
import { MAX_LOG_LINE_CHARS } from '@/lib/domain/log-lines';
import { decodeValue } from './decode';
import type { SdkRunSnapshot } from './types';

/**
 * A Workflow SDK run's streams (`getWritable()` in a step or workflow) as Flowdeck step logs.
 *
 * The SDK keeps streams per run, not per step: a stream is named `strm_<run>_user` (plus `_<namespace>` in
 * base64url for `getWritable({ namespace })`), and its chunks carry a ULID and the bytes written — nothing
 * says which step wrote them. So each chunk is attached by time: to the step whose latest `step_started`
 * came last before the chunk was written (the step that was running, for a workflow whose steps run one at a
 * time), as that step's attempt then; a chunk written before any step started goes to the run's first node.
 * Every such log starts with a line saying so.
 *
 * What a step writes goes through the SDK's serializer: length-prefixed frames (4 bytes, big-endian) of
 * format-prefixed values, decoded here like any other value (decode.ts). A string becomes its lines, any
 * other value one line of JSON, an encrypted or unreadable one a line saying so.
 */

/** One chunk of a run's stream, as world-local (a `.bin` file) or world-postgres (a row) keeps it. */
export interface SdkStreamChunk {
  stream: string;
  /** `chnk_<ULID>`: the write order, and its time. */
  chunkId: string;
  data: Uint8Array;
  eof: boolean;
}

/** One append: a chunk's lines for a node attempt, `seq` = 1 + the chunk's place among the run's chunks (0 is the note). */
export interface StreamLogBatch {
  nodeId: string;
  body: LogAppendBody;
}

export const STREAM_NOTE =
  '[Workflow SDK stream: the SDK records streams per run, not per step; these lines are attached to the step that was running when they were written]';
/** Lines and characters one chunk may bring (the rest is counted as dropped): well inside the append limits. */
const MAX_CHUNK_LINES = 5_000;
const MAX_CHUNK_CHARS = 1_000_000;
const FRAME_HEADER = 4;

/** When a chunk was written: its ULID's time, else null. */
export function chunkTime(chunkId: string): number | null {
  try {
    return decodeTime(chunkId.replace(/^chnk_/, ''));
  } catch {
    return null;
  }
}

/** `getWritable({ namespace })`'s namespace, from the stream name; null for the default stream. */
export function streamNamespace(stream: string): string | null {
  const m = /_user_([A-Za-z0-9_-]+)$/.exec(stream);
  return m?.[1] ? Buffer.from(m[1], 'base64url').toString('utf8') : null;
}

function valueLines(decoded: ReturnType<typeof decodeValue>): string[] {
  if ('undecodable' in decoded) return [`[stream value not readable here: ${decoded.undecodable}]`];
  const v = decoded.value;
  if (typeof v !== 'string') return [JSON.stringify(v)];
  const lines = v.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** A format prefix is four ASCII letters (`devl`, `encr`, …): how frames are told apart from raw bytes. */
const isPrefix = (b: Uint8Array, at: number) => b.length >= at + 4 && [0, 1, 2, 3].every((i) => (b[at + i] as number) >= 0x61 && (b[at + i] as number) <= 0x7a);

/** The text lines each chunk of one stream completes, in chunk order (a frame split across chunks belongs to the chunk that ends it). */
export function streamChunkLines(chunks: readonly SdkStreamChunk[]): string[][] {
  const out: string[][] = chunks.map(() => []);
  let pending = new Uint8Array(0);
  let framed: boolean | null = null;
  chunks.forEach((chunk, i) => {
    if (chunk.data.length === 0) return;
    const joined = new Uint8Array(pending.length + chunk.data.length);
    joined.set(pending);
    joined.set(chunk.data, pending.length);
    framed ??= joined.length >= FRAME_HEADER + 4 && isPrefix(joined, FRAME_HEADER);
    if (!framed) {
      // Raw bytes (a byte stream): text up to the last newline, the rest waits for the next chunk.
      const last = joined.lastIndexOf(0x0a);
      const done = i === chunks.length - 1 ? joined.length : last + 1;
      if (done > 0) out[i] = valueLines({ value: new TextDecoder().decode(joined.subarray(0, done)) });
      pending = joined.slice(done);
      return;
    }
    let at = 0;
    while (joined.length - at >= FRAME_HEADER) {
      const size = new DataView(joined.buffer, joined.byteOffset + at, FRAME_HEADER).getUint32(0, false);
      if (joined.length - at - FRAME_HEADER < size) break;
      out[i]?.push(...valueLines(decodeValue(joined.slice(at + FRAME_HEADER, at + FRAME_HEADER + size))));
      at += FRAME_HEADER + size;
    }
    pending = joined.slice(at);
  });
  return out;
}

interface StepStart {
  at: number;
  key: string;
}

/**
 * The append batches for a run's stream chunks: each chunk that completes lines, on the node (and attempt)
 * it is attached to, numbered so that sending them again stores nothing twice. `run` is the run as mapped
 * for import (its events carry the SDK event ids, which tie the SDK's step ids to node ids).
 */
export function streamLogBatches(snapshot: SdkRunSnapshot, run: ImportRun, chunks: readonly SdkStreamChunk[]): StreamLogBatch[] {
  const first = run.nodes[0];
  if (!first || chunks.length === 0) return [];
  const nodeOf = new Map<string, string>();
  const imported = new Map(run.events.map((e) => [e.id, e.nodeId]));
  for (const e of snapshot.events) {
    const nodeId = imported.get(e.eventId);
    if (e.correlationId && nodeId) nodeOf.set(e.correlationId, nodeId);
  }
  const starts: StepStart[] = snapshot.events
    .filter((e) => e.eventType === 'step_started' && e.correlationId && nodeOf.has(e.correlationId))
    .map((e) => ({ at: e.createdAt.getTime(), key: e.correlationId as string }))
    .sort((a, b) => a.at - b.at);
  const ordered = [...chunks].sort((a, b) => (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0));
  const linesOf = new Map<SdkStreamChunk, string[]>();
  for (const name of new Set(ordered.map((c) => c.stream))) {
    const own = ordered.filter((c) => c.stream === name);
    const lines = streamChunkLines(own);
    own.forEach((c, i) => {
      linesOf.set(c, lines[i] ?? []);
    });
  }

  const out: StreamLogBatch[] = [];
  const noted = new Set<string>();
  ordered.forEach((chunk, index) => {
    const texts = linesOf.get(chunk) ?? [];
    if (texts.length === 0) return;
    const at = chunkTime(chunk.chunkId) ?? 0;
    const started = starts.filter((s) => s.at <= at);
    const last = started.at(-1);
    const nodeId = last ? (nodeOf.get(last.key) as string) : first.nodeId;
    const attempt = last ? started.filter((s) => s.key === last.key).length : Math.max(1, first.attempt);
    const key = `${nodeId}#${attempt}`;
    const ts = new Date(at).toISOString();
    if (!noted.has(key)) {
      noted.add(key);
      out.push({ nodeId, body: { attempt, seq: 0, lines: [{ ts, stream: 'stdout', text: STREAM_NOTE }] } });
    }
    const namespace = streamNamespace(chunk.stream);
    const lines: LogAppendBody['lines'] = [];
    let chars = 0;
    let dropped = 0;
    for (const raw of texts) {
      const text = (namespace ? `[${namespace}] ${raw}` : raw).slice(0, MAX_LOG_LINE_CHARS);
      if (lines.length >= MAX_CHUNK_LINES || chars + text.length > MAX_CHUNK_CHARS) {
        dropped++;
        continue;
      }
      chars += text.length;
      lines.push({ ts, stream: 'stdout', text });
    }
    if (dropped > 0) lines.push({ ts, stream: 'stdout', text: `[${dropped} more line(s) of this stream chunk not imported]` });
    out.push({ nodeId, body: { attempt, seq: index + 1, lines } });
  });
  return out;
}

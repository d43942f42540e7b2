import { z } from 'zod';
import { LOG_STREAMS, type LogStream, MAX_LOG_LINE_CHARS } from '@/lib/domain/log-lines';
import { RunnerLease, Timestamp } from './schemas';

/**
 * Step logs: what engines and the runner append, and what readers get back. Lines are numbered per
 * node attempt from 1 by the server in the order their batches are stored; a reader's cursor is the last
 * line number it has (exclusive), and the live stream's event ids are line numbers too, so a reconnect
 * with `Last-Event-ID` resumes right after the last line seen.
 */
export const LogLineIn = z.strictObject({
  ts: Timestamp,
  stream: z.enum(LOG_STREAMS),
  text: z.string().max(MAX_LOG_LINE_CHARS),
});

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** POST /api/v1/runs/{runId}/nodes/{nodeId}/logs */
export const LogAppendBody = z.strictObject({
  attempt: z.number().int().min(1).max(1_000_000),
  /** The writer's batch number within the attempt, from 0: a batch sent again (after a network error) is stored once. */
  seq: z.number().int().min(0).max(2_147_483_647),
  lines: z.array(LogLineIn).max(10_000),
  /** What the writer itself dropped so far past its own bound (cumulative); the log then says it was cut and by how much. */
  dropped: z.strictObject({ lines: Count, bytes: Count }).optional(),
  /** The attempt's output is complete: live tails of it end. */
  end: z.boolean().optional(),
  lease: RunnerLease.optional(),
});
export type LogAppendBody = z.infer<typeof LogAppendBody>;

/** GET /api/v1/runs/{runId}/nodes/{nodeId}/logs (JSON pages; `Accept: text/plain` downloads the attempt whole). */
export const LogQuery = z.strictObject({
  /** Default: the node's latest attempt that has a log, else its current attempt. */
  attempt: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** The last line number already read (exclusive); absent = from the first line. */
  cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** `text`: the attempt's whole log as a plain-text download, like `Accept: text/plain`. */
  format: z.enum(['json', 'text']).optional(),
});
export type LogQuery = z.infer<typeof LogQuery>;

/**
 * GET /api/v1/runs/{runId}/nodes/{nodeId}/logs/stream (server-sent events; `Last-Event-ID` overrides cursor).
 * Default attempt: the later of the latest with a log and the node's current one (a fresh retry is followed).
 */
export const LogStreamQuery = LogQuery.pick({ attempt: true, cursor: true });

/** GET /api/v1/logs/search: runs whose logs contain the words, within a time range and workflow. */
export const LogSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(200),
  workflow: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type LogSearchQuery = z.infer<typeof LogSearchQuery>;

export interface LogLine {
  /** 1-based, per node attempt. */
  n: number;
  ts: string;
  stream: LogStream;
  text: string;
}

export interface LogCut {
  lines: number;
  bytes: number;
}

export interface LogAttemptInfo {
  attempt: number;
  lines: number;
  bytes: number;
  /** Output past the bound (the writer's and the server's), or null when nothing was cut. */
  truncated: LogCut | null;
  /** The writer said the attempt's output is complete, or the attempt is over. */
  ended: boolean;
}

export interface LogAppendResult {
  /** Lines stored by this call (0 for a batch already stored). */
  stored: number;
  duplicate: boolean;
  /** The attempt's log has reached its bound: later lines are counted, not kept. */
  truncated: boolean;
}

export interface LogPage {
  runId: string;
  nodeId: string;
  attempt: number;
  /** Every attempt of the node that has a log, oldest first. */
  attempts: LogAttemptInfo[];
  lines: LogLine[];
  /** Pass as `cursor` for the next page; null when this page reached the end of what is stored. */
  nextCursor: number | null;
}

export interface LogSearchHit {
  runId: string;
  workflow: string;
  versionId: string;
  groupPath: string;
  createdAt: string;
  nodeId: string;
  attempt: number;
  /** The first matching line. */
  line: LogLine;
}

export interface LogSearchResult {
  items: LogSearchHit[];
}

/** Why a finished run failed, in its header: the failing step (null for setup errors), its message and its log's last lines. */
export interface RunFailure {
  nodeId: string | null;
  message: string;
  lastLines: LogLine[];
}

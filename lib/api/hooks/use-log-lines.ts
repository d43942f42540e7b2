import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchJson } from '@/lib/api/fetch-json';
import { LogBuffer } from '@/lib/api/log-buffer';
import { runKeys } from '@/lib/api/query-keys';
import type { LogLine, LogPage } from '@/lib/contract/logs';
import { routes } from '@/lib/routes';

/** Lines per page behind the head: few requests for a big log, each small enough to parse in a frame or two. */
export const LOG_PAGE_LINES = 10_000;
/** Rows either side of the visible ones that load before the rest of the log. */
const FOCUS_MARGIN = 200;

/** The live tail: off (the attempt is over), connecting, open, reconnecting after a drop, ended, or refused. */
export type LogTailState = 'off' | 'connecting' | 'open' | 'reconnecting' | 'ended' | 'failed';

export interface LogLinesOptions {
  runId: string;
  nodeId: string;
  /** The attempt's first page (useLogHead); null until it is there. */
  head: LogPage | null;
  /** Follow the attempt's new lines as they are stored (it is still running). */
  live: boolean;
  /** Changing it opens the live stream again (after it was refused). */
  reconnect?: number;
}

/**
 * Every line of one node attempt, loaded progressively: the head's lines at once, then the pages around
 * the rows on screen (`setFocus`), then the rest of the log in order, so search covers all of it. While
 * the attempt runs, new lines arrive through the live stream (EventSource), which resumes by itself after
 * a dropped connection (the browser sends the last line number as `Last-Event-ID`). `loaded` and `total`
 * change whenever lines arrive.
 */
export function useLogLines({ runId, nodeId, head, live, reconnect = 0 }: LogLinesOptions) {
  const queryClient = useQueryClient();
  const attempt = head?.attempt ?? null;
  const headLines = head?.attempts.find((a) => a.attempt === head.attempt)?.lines ?? 0;
  // One buffer per attempt. The head's lines go in as the head arrives (and again, harmlessly, on every
  // render: lines already held are skipped), so the first rows show in the same render as the head.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new buffer for another node or attempt only
  const buffer = useMemo(() => new LogBuffer(), [runId, nodeId, attempt]);
  if (head && head.attempt === attempt) {
    buffer.grow(headLines);
    buffer.put(head.lines);
  }
  const [, setVersion] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [tail, setTail] = useState<LogTailState>('off');
  const focus = useRef({ from: 0, to: 0 });
  const wake = useRef<() => void>(() => {});

  // A refreshed head (the node moved on) may know of more lines: the loader looks again.
  useEffect(() => {
    if (headLines >= 0) wake.current();
  }, [headLines]);

  // Pages: the focused rows first, then everything in order. One request at a time.
  useEffect(() => {
    if (attempt === null) return;
    let stopped = false;
    const controller = new AbortController();
    const next = (): number => {
      const { from, to } = focus.current;
      const near = buffer.firstMissing(from - FOCUS_MARGIN, to + FOCUS_MARGIN);
      return near !== -1 ? near : buffer.firstMissing(0, buffer.total);
    };
    const loop = async () => {
      while (!stopped) {
        const row = next();
        if (row === -1) {
          await new Promise<void>((resolve) => {
            wake.current = resolve;
          });
          continue;
        }
        try {
          const page = await queryClient.fetchQuery({
            queryKey: runKeys.logPage(runId, nodeId, attempt, row, LOG_PAGE_LINES),
            queryFn: () =>
              fetchJson<LogPage>(routes.api.runNodeLogs(runId, nodeId, { attempt, cursor: row, limit: LOG_PAGE_LINES }), { signal: controller.signal }),
            staleTime: Number.POSITIVE_INFINITY,
            gcTime: 30_000,
          });
          if (stopped) return;
          setError(null);
          if (buffer.put(page.lines) === 0) {
            // Nothing new where lines were expected: wait for the tail or a retry instead of asking again.
            await new Promise<void>((resolve) => {
              wake.current = resolve;
            });
            continue;
          }
          setVersion((v) => v + 1);
        } catch (cause) {
          if (stopped) return;
          setError(cause instanceof Error ? cause : new Error(String(cause)));
          await new Promise<void>((resolve) => {
            wake.current = resolve;
          });
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
      controller.abort();
      wake.current();
    };
  }, [buffer, attempt, runId, nodeId, queryClient]);

  // The live tail, from the last line the head knew of.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per attempt; later heads must not restart it
  useEffect(() => {
    if (attempt === null || !live) {
      setTail('off');
      return;
    }
    setTail('connecting');
    // After a refusal, resume from the last line held.
    const cursor = reconnect > 0 ? buffer.total : headLines;
    const source = new EventSource(routes.api.runNodeLogStream(runId, nodeId, { attempt, cursor }));
    source.onopen = () => setTail('open');
    source.onerror = () => setTail(source.readyState === EventSource.CLOSED ? 'failed' : 'reconnecting');
    source.addEventListener('lines', (e) => {
      const lines = JSON.parse((e as MessageEvent<string>).data) as LogLine[];
      if (buffer.put(lines) > 0) setVersion((v) => v + 1);
      wake.current();
    });
    source.addEventListener('end', () => {
      source.close();
      setTail('ended');
      void queryClient.invalidateQueries({ queryKey: runKeys.logs(runId, nodeId) });
    });
    return () => source.close();
  }, [buffer, live, attempt, runId, nodeId, queryClient, reconnect]);

  const setFocus = useCallback((from: number, to: number) => {
    const f = focus.current;
    if (f.from === from && f.to === to) return;
    focus.current = { from, to };
    wake.current();
  }, []);
  const retry = useCallback(() => {
    setError(null);
    wake.current();
  }, []);

  // Readers depend on these two numbers (the buffer itself is mutated in place).
  return { buffer, loaded: buffer.loaded, total: buffer.total, error, tail, setFocus, retry };
}

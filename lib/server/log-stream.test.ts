import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '@/lib/contract/logs';
import type { OpenedDb } from '@/lib/db/open';
import { appendEvents } from '@/lib/ingest/append-events';
import { createRun } from '@/lib/ingest/create-run';
import { appendLog } from '@/lib/ingest/logs';
import { insertVersion } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { logTail, type TailTiming } from './log-stream';

const FAST: TailTiming = { pollMs: 20, keepaliveMs: 60_000, graceMs: 200 };
const line = (text: string) => ({ ts: '2026-11-01T12:00:00.000Z', stream: 'stdout' as const, text });

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads server-sent events off a stream, one at a time (comments skipped). */
function eventReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    reader,
    async next(): Promise<SseEvent | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = {};
          for (const l of block.split('\n')) {
            const [k, ...v] = l.split(': ');
            if (k === 'id' || k === 'event' || k === 'data') event[k] = v.join(': ');
          }
          if (event.event) return event;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe.each(testEngines())('live log tail on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
    await insertVersion(store.db, { current: true });
  });
  afterAll(() => store.close());

  const runningBuild = async () => {
    const run = await createRun(store.db, { workflow: 'pipeline', groupPath: 'acme/tail', input: { branch: 'main' } });
    await appendEvents(store.db, run.id, [
      { type: 'run_started', at: new Date().toISOString() },
      { type: 'node_started', at: new Date().toISOString(), nodeId: 'build' },
    ]);
    return run.id;
  };

  it('sends stored lines, then new ones as they are stored, and ends when the writer ends the attempt', async () => {
    const runId = await runningBuild();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: [line('one'), line('two')] });
    const events = eventReader(logTail(store.db, { runId, nodeId: 'build', attempt: 1, cursor: 0 }, new AbortController().signal, FAST));
    const first = await events.next();
    expect(first).toMatchObject({ event: 'lines', id: '2' });
    expect((JSON.parse(first!.data!) as LogLine[]).map((l) => l.text)).toEqual(['one', 'two']);
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 1, lines: [line('three')], end: true });
    const second = await events.next();
    expect(second).toMatchObject({ event: 'lines', id: '3' });
    const end = await events.next();
    expect(end?.event).toBe('end');
    expect(JSON.parse(end!.data!)).toMatchObject({ attempt: 1, lines: 3, ended: true });
    expect(await events.next()).toBeNull();
  });

  it('resumes after the cursor', async () => {
    const runId = await runningBuild();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: [line('a'), line('b'), line('c')], end: true });
    const events = eventReader(logTail(store.db, { runId, nodeId: 'build', attempt: 1, cursor: 2 }, new AbortController().signal, FAST));
    const first = await events.next();
    expect((JSON.parse(first!.data!) as LogLine[]).map((l) => [l.n, l.text])).toEqual([[3, 'c']]);
    expect((await events.next())?.event).toBe('end');
  });

  it('ends once the node is no longer running the attempt and nothing arrived for the grace period', async () => {
    const runId = await runningBuild();
    await appendLog(store.db, runId, 'build', { attempt: 1, seq: 0, lines: [line('working')] });
    const events = eventReader(logTail(store.db, { runId, nodeId: 'build', attempt: 1, cursor: 0 }, new AbortController().signal, FAST));
    expect((await events.next())?.event).toBe('lines');
    const started = Date.now();
    await appendEvents(store.db, runId, [{ type: 'node_succeeded', at: new Date().toISOString(), nodeId: 'build' }]);
    const end = await events.next();
    expect(end?.event).toBe('end');
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST.graceMs - 50);
  });

  it('stops polling the store when the client goes away (no timer left behind)', async () => {
    const runId = await runningBuild();
    const abort = new AbortController();
    const select = vi.spyOn(store.db, 'select');
    const events = eventReader(logTail(store.db, { runId, nodeId: 'build', attempt: 1, cursor: 0 }, abort.signal, FAST));
    const pending = events.next();
    await new Promise((r) => setTimeout(r, 100));
    expect(select.mock.calls.length).toBeGreaterThan(0);
    abort.abort();
    await events.reader.cancel();
    await pending.catch(() => null);
    await new Promise((r) => setTimeout(r, 50));
    const after = select.mock.calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(select.mock.calls.length).toBe(after);
    select.mockRestore();
  });
});

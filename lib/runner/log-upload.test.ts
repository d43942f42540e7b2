import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/fetch-json';
import { LogAppendBody } from '@/lib/contract/logs';
import type { WorkflowDefinition } from '@/lib/domain/manifest';
import { FakeServer } from './fake-server';
import { LogUpload, type LogUploadOptions } from './log-upload';

/** A sink that checks each body against the contract and keeps it. */
function sink(delayMs = 0) {
  const bodies: LogAppendBody[] = [];
  const sentAt: number[] = [];
  const send = async (body: LogAppendBody) => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    bodies.push(LogAppendBody.parse(JSON.parse(JSON.stringify(body))));
    sentAt.push(Date.now());
    return { stored: body.lines.length, duplicate: false, truncated: false };
  };
  const texts = () => bodies.flatMap((b) => b.lines.map((l) => `${l.stream}:${l.text}`));
  return { bodies, sentAt, send, texts };
}

const upload = (o: Partial<LogUploadOptions> & Pick<LogUploadOptions, 'send'>) =>
  new LogUpload({ attempt: 1, limitBytes: 1024 * 1024, backoffMs: () => 5, ...o });

const out = (u: LogUpload, text: string, stream: 'stdout' | 'stderr' = 'stdout') => u.write(stream, Buffer.from(text));

describe('LogUpload', () => {
  it('sends both streams in arrival order, numbered from 0, the last batch with end: true', async () => {
    const s = sink();
    const u = upload({ send: s.send, lease: { runnerId: 'r1' }, attempt: 2 });
    out(u, 'one\ntwo\n');
    out(u, 'oops\n', 'stderr');
    out(u, 'three\nno newline at the end');
    const summary = await u.finish();
    expect(s.texts()).toEqual(['stdout:one', 'stdout:two', 'stderr:oops', 'stdout:three', 'stdout:no newline at the end']);
    expect(s.bodies.map((b) => b.seq)).toEqual(s.bodies.map((_, i) => i));
    expect(s.bodies.at(-1)).toMatchObject({ end: true, attempt: 2, lease: { runnerId: 'r1' } });
    expect(s.bodies.slice(0, -1).every((b) => !b.end)).toBe(true);
    expect(summary).toMatchObject({ lines: 5, complete: true, dropped: { lines: 0, bytes: 0 } });
    for (const l of s.bodies.flatMap((b) => b.lines)) expect(Date.parse(l.ts)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('sends a batch as soon as it reaches the line or byte cap', async () => {
    const s = sink();
    const u = upload({ send: s.send, maxBatchLines: 10, maxBatchBytes: 1_000 });
    out(u, Array.from({ length: 25 }, (_, i) => `line ${i + 1}\n`).join(''));
    out(u, `${'x'.repeat(1_200)}\n`);
    await u.finish();
    expect(s.bodies.map((b) => b.lines.length)).toEqual([10, 10, 6, 0]); // the long line fills the third batch past its byte cap;
    expect(s.texts().slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => `stdout:line ${i + 1}`));
  });

  it('uploads a line within about half a second of its output, without waiting for more', async () => {
    const s = sink();
    const u = upload({ send: s.send });
    const wrote = Date.now();
    out(u, 'progress 1\n');
    while (s.bodies.length === 0 && Date.now() - wrote < 3_000) await new Promise((r) => setTimeout(r, 10));
    expect(s.texts()).toEqual(['stdout:progress 1']);
    expect((s.sentAt[0] as number) - wrote).toBeLessThan(1_000);
    await u.finish();
  });

  it('never waits on a slow server: lines keep gathering while a request is under way', async () => {
    const s = sink(300);
    const u = upload({ send: s.send, maxBatchLines: 500 });
    const started = Date.now();
    for (let i = 0; i < 2_000; i++) out(u, `line ${i}\n`);
    expect(Date.now() - started).toBeLessThan(250); // write() returned without waiting on any request
    await u.finish();
    expect(s.texts()).toHaveLength(2_000);
    expect(s.texts()[1_999]).toBe('stdout:line 1999');
    expect(s.bodies.map((b) => b.lines.length)).toEqual([500, 500, 500, 500, 0]);
  });

  it('keeps at most the bound and says how much it dropped', async () => {
    const s = sink();
    const u = upload({ send: s.send, limitBytes: 50 });
    out(u, Array.from({ length: 8 }, (_, i) => `line-${i}\n`).join('')); // 7 bytes each with the newline
    const summary = await u.finish();
    expect(s.texts()).toEqual(['stdout:line-0', 'stdout:line-1', 'stdout:line-2', 'stdout:line-3', 'stdout:line-4', 'stdout:line-5', 'stdout:line-6']);
    expect(summary).toMatchObject({ lines: 7, bytes: 49, dropped: { lines: 1, bytes: 7 } });
    expect(s.bodies.at(-1)?.dropped).toEqual({ lines: 1, bytes: 7 });
  });

  it('masks each line before it is kept or counted', async () => {
    const s = sink();
    const u = upload({ send: s.send, mask: (t) => t.replaceAll('hunter22', '***') });
    out(u, 'password=hunter22\n');
    await u.finish();
    expect(s.texts()).toEqual(['stdout:password=***']);
  });

  it('keeps a multi-byte character whole across writes', async () => {
    const s = sink();
    const u = upload({ send: s.send });
    const bytes = Buffer.from('naïve ☃\n');
    u.write('stdout', bytes.subarray(0, 4));
    u.write('stdout', bytes.subarray(4, 8));
    u.write('stdout', bytes.subarray(8));
    await u.finish();
    expect(s.texts()).toEqual(['stdout:naïve ☃']);
  });

  it('stops at a refusal (not retried), says so once, and reports the log incomplete', async () => {
    const problems: string[] = [];
    let calls = 0;
    const u = upload({
      send: async () => {
        calls++;
        throw new ApiError(409, 'lease_lost', 'lease lost');
      },
      onProblem: (m) => problems.push(m),
      maxBatchLines: 1,
    });
    out(u, 'a\nb\nc\n');
    const summary = await u.finish();
    expect(calls).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('the lease is lost');
    expect(summary.complete).toBe(false);
  });

  it('gives up retrying once told to (the run was halted)', async () => {
    const problems: string[] = [];
    let calls = 0;
    let trying = true;
    const u = upload({
      send: async () => {
        calls++;
        if (calls === 3) trying = false;
        throw new ApiError(0, 'network_error', 'down');
      },
      keepTrying: () => trying,
      onProblem: (m) => problems.push(m),
    });
    out(u, 'a\n');
    expect((await u.finish()).complete).toBe(false);
    expect(calls).toBe(3);
    expect(problems[0]).toContain('log upload failed');
  });
});

describe('LogUpload against the fake server', () => {
  const flow: WorkflowDefinition = { input: { type: 'object' }, steps: [{ id: 'build', run: 'true' }] };

  it('stores a batch once when it is sent again after a lost answer or a network error', async () => {
    const server = new FakeServer();
    const runId = server.createRun(flow, {});
    const api = server.api('r1');
    await api.claim(1);
    server.logFaults = ['after-store', 'network', 'before-store'];
    const u = upload({ send: (body) => api.appendLogs(runId, 'build', body), lease: { runnerId: 'r1' }, maxBatchLines: 3 });
    out(u, Array.from({ length: 7 }, (_, i) => `${i + 1}\n`).join(''));
    const summary = await u.finish();
    const log = server.log(runId, 'build');
    expect(log.lines.map((l) => `${l.n}:${l.text}`)).toEqual(['1:1', '2:2', '3:3', '4:4', '5:5', '6:6', '7:7']);
    expect(log.requests.map((r) => r.seq)).toEqual([0, 0, 1, 2]); // seq 0 stored, then sent again; the faults before storing left no trace
    expect(log.ended).toBe(true);
    expect(summary.complete).toBe(true);
  });

  it('is refused once the lease is someone else’s', async () => {
    const server = new FakeServer();
    const runId = server.createRun(flow, {});
    const problems: string[] = [];
    const u = upload({ send: (body) => server.api('r2').appendLogs(runId, 'build', body), lease: { runnerId: 'r2' }, onProblem: (m) => problems.push(m) });
    out(u, 'x\n');
    expect((await u.finish()).complete).toBe(false);
    expect(server.log(runId, 'build').lines).toEqual([]);
    expect(problems[0]).toContain('lease');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dehydrateWorkflowArguments, getExternalReducers, getSerializeStream } from '@workflow/core/serialization';
import type { World } from '@workflow/world';
import { createLocalWorld } from '@workflow/world-local';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRun } from '@/lib/contract/engine-import';
import { LogAppendBody } from '@/lib/contract/logs';
import { readLocalWorld } from './read-local';
import { localStreamReader } from './read-streams';
import { chunkTime, type SdkStreamChunk, STREAM_NOTE, streamChunkLines, streamLogBatches, streamNamespace } from './stream-logs';
import { toImportRun } from './to-import';
import type { SdkRunSnapshot } from './types';

const ulid = monotonicFactory();
const pause = () => new Promise((r) => setTimeout(r, 5));

/** What `getWritable()` hands the world for these values: the SDK's own serializer, one frame per write. */
async function frames(runId: string, values: unknown[]): Promise<Uint8Array[]> {
  const serialize = getSerializeStream(getExternalReducers(globalThis, [], runId, undefined, true), undefined);
  const writer = serialize.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    for await (const frame of serialize.readable as unknown as AsyncIterable<Uint8Array>) out.push(frame);
  })();
  for (const v of values) await writer.write(v);
  await writer.close();
  await reading;
  return out;
}

const chunk = (data: Uint8Array, stream = 'strm_X_user'): SdkStreamChunk => ({ stream, chunkId: `chnk_${ulid()}`, data, eof: false });

describe('streamChunkLines', () => {
  it('decodes frames into lines, a frame split across chunks going with the chunk that ends it', async () => {
    const [a, b] = await frames('wrun_X', ['reserved 3 × apple\nreserved 2 × pear\n', { step: 'charge', ok: true }]);
    const both = new Uint8Array([...(a as Uint8Array), ...(b as Uint8Array)]);
    const cut = (a as Uint8Array).length + 3;
    expect(streamChunkLines([chunk(both.slice(0, cut)), chunk(both.slice(cut))])).toEqual([
      ['reserved 3 × apple', 'reserved 2 × pear'],
      ['{"step":"charge","ok":true}'],
    ]);
  });

  it('reads a raw byte stream as text lines', () => {
    const enc = new TextEncoder();
    expect(streamChunkLines([chunk(enc.encode('plain text\nmore')), chunk(enc.encode(' text\n'))])).toEqual([['plain text'], ['more text']]);
  });
});

describe('chunkTime and streamNamespace', () => {
  it('reads the time of a chunk id and the namespace of a stream name', () => {
    const at = Date.UTC(2026, 11, 8, 3, 0, 0);
    expect(chunkTime(`chnk_${monotonicFactory()(at)}`)).toBe(at);
    expect(chunkTime('chnk_not-a-ulid')).toBeNull();
    expect(streamNamespace(`strm_01J_user_${Buffer.from('progress').toString('base64url')}`)).toBe('progress');
    expect(streamNamespace('strm_01J_user')).toBeNull();
  });
});

describe('streamLogBatches over a world-local run', () => {
  let dir: string;
  let world: World;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flowdeck-streams-'));
    world = createLocalWorld({ dataDir: dir });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** A run of two steps; the first writes two lines to the default stream, the second (on its second attempt) an object to a namespaced one. */
  async function writeRun(): Promise<{ snapshot: SdkRunSnapshot; chunks: SdkStreamChunk[] }> {
    const ev = world.events;
    const input = await dehydrateWorkflowArguments(['o-1'], '', undefined);
    const created = await ev.create(null, { eventType: 'run_created', eventData: { deploymentId: 'dpl_test', workflowName: 'workflow//./w//order', input } });
    const runId = created.run!.runId;
    await ev.create(runId, { eventType: 'run_started' });
    const step = async (name: string) => {
      const correlationId = `step_${ulid()}`;
      await ev.create(runId, {
        eventType: 'step_created',
        correlationId,
        eventData: { stepName: `step//./w//${name}`, input: await dehydrateWorkflowArguments([], runId, undefined) },
      });
      return correlationId;
    };
    const stream = `${runId.replace('wrun_', 'strm_')}_user`;
    const reserve = await step('reserveStock');
    await pause();
    await ev.create(runId, { eventType: 'step_started', correlationId: reserve });
    await pause();
    for (const f of await frames(runId, ['reserved 3 × apple\n', 'reserved 2 × pear\n'])) await world.writeToStream(stream, runId, f);
    await ev.create(runId, {
      eventType: 'step_completed',
      correlationId: reserve,
      eventData: { result: await dehydrateWorkflowArguments(null, runId, undefined) },
    });
    const charge = await step('chargeCard');
    await pause();
    await ev.create(runId, { eventType: 'step_started', correlationId: charge });
    await ev.create(runId, { eventType: 'step_retrying', correlationId: charge, eventData: { error: { message: 'timeout' } } });
    await pause();
    await ev.create(runId, { eventType: 'step_started', correlationId: charge });
    await pause();
    const [f] = await frames(runId, [{ charged: 42 }]);
    await world.writeToStream(`${stream}_${Buffer.from('audit').toString('base64url')}`, runId, f as Uint8Array);
    await ev.create(runId, {
      eventType: 'step_completed',
      correlationId: charge,
      eventData: { result: await dehydrateWorkflowArguments(null, runId, undefined) },
    });
    const snapshot = (await readLocalWorld(dir).readRun(runId)) as SdkRunSnapshot;
    const chunks = (await localStreamReader(dir).streams([runId])).get(runId) ?? [];
    return { snapshot, chunks };
  }

  it('attaches each chunk to the step running when it was written, as that attempt, after a note', async () => {
    const { snapshot, chunks } = await writeRun();
    expect(chunks).toHaveLength(3);
    const run = ImportRun.parse(toImportRun(snapshot, { versionKey: 'dpl_test' }));
    const batches = streamLogBatches(snapshot, run, chunks);
    for (const b of batches) LogAppendBody.parse(b.body);
    const view = batches.map((b) => ({ node: b.nodeId, attempt: b.body.attempt, seq: b.body.seq, lines: b.body.lines.map((l) => l.text) }));
    expect(view).toEqual([
      { node: 'reserveStock', attempt: 1, seq: 0, lines: [STREAM_NOTE] },
      { node: 'reserveStock', attempt: 1, seq: 1, lines: ['reserved 3 × apple'] },
      { node: 'reserveStock', attempt: 1, seq: 2, lines: ['reserved 2 × pear'] },
      { node: 'chargeCard', attempt: 2, seq: 0, lines: [STREAM_NOTE] },
      { node: 'chargeCard', attempt: 2, seq: 3, lines: ['[audit] {"charged":42}'] },
    ]);
    // Stable: the same world read again maps to the same batches (what makes a re-import store nothing twice).
    expect(streamLogBatches(snapshot, run, [...chunks].reverse())).toEqual(batches);
    expect(run.nodes.map((n) => n.nodeId)).toEqual(['reserveStock', 'chargeCard']);
  });

  it('finds no streams for a run that wrote none', async () => {
    expect((await localStreamReader(dir).streams(['wrun_none'])).size).toBe(0);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dehydrateWorkflowArguments, getExternalReducers, getSerializeStream } from '@workflow/core/serialization';
import type { World } from '@workflow/world';
import { createLocalWorld } from '@workflow/world-local';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportBody } from '@/lib/contract/engine-import';
import type { OpenedDb } from '@/lib/db/open';
import { getLogPage } from '@/lib/db/queries/logs';
import { countRuns } from '@/lib/db/queries/runs';
import { runs } from '@/lib/db/schema';
import { importBatch, listSourceRuns } from '@/lib/ingest/import-runs';
import { appendLog } from '@/lib/ingest/logs';
import { testEngines } from '@/lib/testing/stores';
import { type ConnectorApi, WorkflowSync } from './sync';
import { openWorldReader } from './world-reader';

/**
 * The follow loop over a world-local directory written by the SDK's own world API, importing into a real
 * store through the same functions the HTTP API calls: what it sends, what it skips, and that a pass that
 * failed is taken up again by the next one.
 */
describe('WorkflowSync on a world-local directory', () => {
  let dir: string;
  let world: World;
  let store: OpenedDb;
  let failNext = false;
  let appends = 0;
  const api = (): ConnectorApi => ({
    sourceRuns: async (source, cursor) => listSourceRuns(store.db, source, cursor, 1000),
    importBatch: async (source, body) => {
      if (failNext) {
        failNext = false;
        throw new Error('server unreachable');
      }
      return importBatch(store.db, 'sync', source, ImportBody.parse(body));
    },
    claim: async () => [],
    complete: async () => undefined,
    appendLog: async (runId, nodeId, body) => {
      appends++;
      return appendLog(store.db, runId, nodeId, body);
    },
  });
  const startRun = async (name: string) => {
    const input = await dehydrateWorkflowArguments([name], '', undefined);
    const created = await world.events.create(null, {
      eventType: 'run_created',
      eventData: { deploymentId: 'dpl_local@4.4.1', workflowName: `workflow//./w//${name}`, input },
    });
    await world.events.create(created.run!.runId, { eventType: 'run_started' });
    return created.run!.runId;
  };
  const config = { source: 'workflow-local' as const, connectorId: 'test', batchSize: 2, versionLabel: 'v1' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flowdeck-sync-'));
    world = createLocalWorld({ dataDir: dir });
    store = await testEngines()[0]!.open();
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every run once, sends nothing for an unchanged world, and retries a pass that failed', async () => {
    for (const name of ['a', 'b', 'c']) await startRun(name);
    const reader = await openWorldReader({ world: 'local', dataDir: dir });
    const sync = new WorkflowSync(config, reader, api());
    await sync.init();
    expect(await sync.tick()).toBe(3);
    expect(await sync.tick()).toBe(0);

    const later = await startRun('d');
    failNext = true;
    await expect(sync.tick()).rejects.toThrow('server unreachable');
    expect(await sync.tick()).toBe(1);
    expect((await listSourceRuns(store.db, 'workflow-local', undefined, 10)).runs.map((r) => r.externalId)).toContain(later);
    expect((await countRuns(store.db, {})).total).toBe(4);
    expect(sync.summary.runs).toMatchObject({ imported: 4, skipped: 0 });
  });

  it('a restarted sync knows what the store holds and sends only what changed since', async () => {
    const runId = await startRun('e');
    const restarted = new WorkflowSync(config, await openWorldReader({ world: 'local', dataDir: dir }), api());
    await restarted.init();
    expect(await restarted.tick()).toBe(1);
    expect(restarted.summary.runs).toMatchObject({ imported: 1, unchanged: 4 });

    await world.events.create(runId, { eventType: 'run_cancelled' });
    expect(await restarted.tick()).toBe(1);
    expect(restarted.summary.runs.updated).toBe(1);
    expect((await countRuns(store.db, {})).byPhase.cancelled).toBe(1);
  });

  it('imports a run’s stream into the log of the step that wrote it, once', async () => {
    const runId = await startRun('streamed');
    const correlationId = 'step_01JSTREAMSTEP0000000000000';
    const noArgs = await dehydrateWorkflowArguments([], runId, undefined);
    await world.events.create(runId, { eventType: 'step_created', correlationId, eventData: { stepName: 'step//./w//report', input: noArgs } });
    await world.events.create(runId, { eventType: 'step_started', correlationId });
    await new Promise((r) => setTimeout(r, 5));
    const serialize = getSerializeStream(getExternalReducers(globalThis, [], runId, undefined, true), undefined);
    const writer = serialize.writable.getWriter();
    void writer.write('step one done\nstep two done\n');
    const { value: frame } = await serialize.readable.getReader().read();
    await world.writeToStream(`${runId.replace('wrun_', 'strm_')}_user`, runId, frame as Uint8Array);
    await world.events.create(runId, { eventType: 'step_completed', correlationId, eventData: { result: noArgs } });

    const sync = new WorkflowSync(config, await openWorldReader({ world: 'local', dataDir: dir }), api());
    await sync.init();
    await sync.tick();
    const [row] = await store.db.select({ id: runs.id }).from(runs).where(eq(runs.externalId, runId));
    const page = () => getLogPage(store.db, row?.id as string, 'report', { limit: 100 });
    const log = await page();
    expect(log.lines.map((l) => l.text)).toEqual([expect.stringContaining('Workflow SDK stream'), 'step one done', 'step two done']);
    expect(sync.summary.streamLines).toBe(3);

    // The same sync sends a stream batch once; a restarted one, seeing the run change, sends them again and the store keeps them once.
    const before = appends;
    await sync.importRuns([runId]);
    expect(appends).toBe(before);
    const restarted = new WorkflowSync(config, await openWorldReader({ world: 'local', dataDir: dir }), api());
    await restarted.init();
    await world.events.create(runId, { eventType: 'run_completed', eventData: { output: noArgs } });
    await restarted.tick();
    expect(appends).toBeGreaterThan(before);
    expect((await page()).lines).toHaveLength(3);
  });
});

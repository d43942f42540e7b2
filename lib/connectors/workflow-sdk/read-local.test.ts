import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dehydrateStepArguments, dehydrateStepReturnValue, dehydrateWorkflowArguments, dehydrateWorkflowReturnValue } from '@workflow/core/serialization';
import type { World } from '@workflow/world';
import { createLocalWorld } from '@workflow/world-local';
import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLocalWorld } from './read-local';
import { toImportRun } from './to-import';

/** Runs written through @workflow/world-local's own API; only the crash debris below is written by hand. */
const ulid = monotonicFactory();

async function completedRun(world: World, name = 'processOrder'): Promise<string> {
  const input = await dehydrateWorkflowArguments(['ord_1'], '', undefined);
  const runId = (
    await world.events.create(null, {
      eventType: 'run_created',
      eventData: { deploymentId: 'dpl_test', workflowName: `workflow//./workflows/order//${name}`, input },
    })
  ).run!.runId;
  await world.events.create(runId, { eventType: 'run_started' });
  const correlationId = `step_${ulid()}`;
  const stepInput = await dehydrateStepArguments({ args: ['ord_1'] }, runId, undefined);
  await world.events.create(runId, {
    eventType: 'step_created',
    correlationId,
    eventData: { stepName: 'step//./workflows/order//fetchOrder', input: stepInput },
  });
  await world.events.create(runId, { eventType: 'step_started', correlationId });
  await world.events.create(runId, {
    eventType: 'step_completed',
    correlationId,
    eventData: { result: await dehydrateStepReturnValue({ ok: true }, runId, undefined) },
  });
  await world.events.create(runId, { eventType: 'run_completed', eventData: { output: await dehydrateWorkflowReturnValue('done', runId, undefined) } });
  return runId;
}

async function sleepingRun(world: World): Promise<{ runId: string; waitId: string }> {
  const input = await dehydrateWorkflowArguments([7], '', undefined);
  const runId = (
    await world.events.create(null, {
      eventType: 'run_created',
      eventData: { deploymentId: 'dpl_test', workflowName: 'workflow//./workflows/order//nightly', input },
    })
  ).run!.runId;
  await world.events.create(runId, { eventType: 'run_started' });
  const waitId = `wait_${ulid()}`;
  await world.events.create(runId, { eventType: 'wait_created', correlationId: waitId, eventData: { resumeAt: new Date(Date.now() + 86_400_000) } });
  return { runId, waitId };
}

describe('readLocalWorld', () => {
  let dir: string;
  let world: World;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flowdeck-wsdk-local-'));
    world = createLocalWorld({ dataDir: dir, recoverActiveRuns: false });
    await world.start?.();
  });
  afterEach(async () => {
    await world.close?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a half-written run file or event file as that run’s problem, never throws, and reads the rest', async () => {
    const good = await completedRun(world);
    const { runId: torn } = await sleepingRun(world);
    // Debris of a crash mid-write (what a non-atomic writer or a full disk leaves): not SDK data.
    await writeFile(path.join(dir, 'events', `${torn}-evnt_${ulid()}.json`), '{\n  "eventType": "wait_comp');
    const brokenRun = `wrun_${ulid()}`;
    await writeFile(path.join(dir, 'runs', `${brokenRun}.json`), '{"runId": "');
    // A write still in progress (world-local writes `<file>.tmp.<ulid>`, then renames): never read.
    await writeFile(path.join(dir, 'events', `${good}-evnt_${ulid()}.json.tmp.${ulid()}`), '{');

    const reader = readLocalWorld(dir);
    const listed = await reader.listRunIds();
    expect(listed.map((r) => r.runId).sort()).toEqual([good, torn, brokenRun].sort());
    const read = await reader.scan();
    expect(read.runs.map((r) => r.run.runId)).toEqual([good]);
    expect(read.runs[0]!.events).toHaveLength(6);
    expect(read.problems).toEqual(
      expect.arrayContaining([
        { runId: torn, problem: expect.stringMatching(/^events\/.*\.json: event is not valid JSON/) },
        { runId: brokenRun, problem: expect.stringMatching(/^run file is not valid JSON/) },
      ]),
    );
    expect(read.problems).toHaveLength(2);
    expect(await reader.readRun(brokenRun)).toMatchObject({ runId: brokenRun, problem: expect.stringContaining('not valid JSON') });
  });

  it('reports a file that parses but is not an SDK record', async () => {
    const { runId } = await sleepingRun(world);
    const file = (await readdir(path.join(dir, 'waits')))[0]!;
    await writeFile(path.join(dir, 'waits', file), JSON.stringify({ waitId: 'x' }));
    const read = await readLocalWorld(dir).readRuns([runId]);
    expect(read.problems).toEqual([{ runId, problem: expect.stringMatching(/^waits\/.*: wait: .* at runId/) }]);
  });

  it('gives a run a new change key when only its event log grows (the run file is not rewritten)', async () => {
    const other = await completedRun(world);
    const { runId, waitId } = await sleepingRun(world);
    const reader = readLocalWorld(dir);
    const before = new Map((await reader.listRunIds()).map((r) => [r.runId, r]));
    await world.events.create(runId, { eventType: 'wait_completed', correlationId: waitId });
    const after = new Map((await reader.listRunIds()).map((r) => [r.runId, r]));
    expect(after.get(runId)!.mtimeMs).toBe(before.get(runId)!.mtimeMs);
    expect(after.get(runId)!.changeKey).not.toBe(before.get(runId)!.changeKey);
    expect(after.get(other)!.changeKey).toBe(before.get(other)!.changeKey);
    const snap = await reader.readRun(runId);
    expect('run' in snap && toImportRun(snap, { versionKey: 'k' }).nodes[0]).toMatchObject({ nodeId: 'sleep', status: 'success' });
  });

  it('reads a run whose end was written without its event (a crash between the two writes)', async () => {
    const runId = await completedRun(world);
    const events = await readdir(path.join(dir, 'events'));
    // The world writes the run file, then the run_completed event: lose the event as a crash would.
    const last = events
      .filter((f) => f.startsWith(`${runId}-`))
      .sort()
      .at(-1)!;
    await unlink(path.join(dir, 'events', last));
    const snap = await readLocalWorld(dir).readRun(runId);
    expect('run' in snap && snap.run.status).toBe('completed');
    expect('run' in snap && snap.events.map((e) => e.eventType).at(-1)).toBe('step_completed');
  });

  it('reads tagged files only for its own tag, as the world does', async () => {
    const untagged = await completedRun(world);
    const tagged = createLocalWorld({ dataDir: dir, tag: 'vitest-0', recoverActiveRuns: false });
    const taggedRun = await completedRun(tagged, 'tagged');
    await tagged.close?.();
    expect((await readLocalWorld(dir).scan()).runs.map((r) => r.run.runId)).toEqual([untagged]);
    const both = await readLocalWorld(dir, { tag: 'vitest-0' }).scan();
    expect(both.problems).toEqual([]);
    expect(both.runs.map((r) => r.run.runId).sort()).toEqual([untagged, taggedRun].sort());
    expect(both.runs.find((r) => r.run.runId === taggedRun)!.events).toHaveLength(6);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dehydrateStepArguments, dehydrateStepReturnValue, dehydrateWorkflowArguments } from '@workflow/core/serialization';
import type { World } from '@workflow/world';
import { createLocalWorld } from '@workflow/world-local';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRun, ImportVersion } from '@/lib/contract/engine-import';
import { ManifestSchema } from '@/lib/contract/schemas';
import { manifestProblems } from '@/lib/domain/manifest';
import { readLocalWorld } from './read-local';
import { manifestFromBuild, shortName, toImportRun, toImportVersion } from './to-import';
import type { SdkRunSnapshot } from './types';

/** Mapping cases beyond world.test.ts, on runs written through @workflow/world-local's API. */
const ulid = monotonicFactory();

describe('toImportRun', () => {
  let dir: string;
  let world: World;
  const snap = async (runId: string): Promise<SdkRunSnapshot> => {
    const read = await readLocalWorld(dir).readRun(runId);
    if (!('run' in read)) throw new Error(read.problem);
    return read;
  };
  const start = async (name: string, started = true) => {
    const input = await dehydrateWorkflowArguments([name], '', undefined);
    const runId = (
      await world.events.create(null, {
        eventType: 'run_created',
        eventData: { deploymentId: 'dpl_test', workflowName: `workflow//./workflows/order//${name}`, input },
      })
    ).run!.runId;
    if (started) await world.events.create(runId, { eventType: 'run_started' });
    return runId;
  };
  const createStep = async (runId: string, name: string) => {
    const correlationId = `step_${ulid()}`;
    const input = await dehydrateStepArguments({ args: [] }, runId, undefined);
    await world.events.create(runId, { eventType: 'step_created', correlationId, eventData: { stepName: `step//./workflows/order//${name}`, input } });
    return correlationId;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flowdeck-wsdk-map-'));
    world = createLocalWorld({ dataDir: dir, recoverActiveRuns: false });
    await world.start?.();
  });
  afterAll(async () => {
    await world.close?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('maps a run that has not started yet', async () => {
    const run = toImportRun(await snap(await start('queuedFlow', false)), { versionKey: 'dpl_test' });
    expect(run).toMatchObject({
      phase: 'queued',
      result: 'unknown',
      engineStatus: 'pending',
      startedAt: null,
      nodes: [],
      waiting: null,
      input: ['queuedFlow'],
    });
    expect(run.events.map((e) => e.type)).toEqual(['run_created']);
  });

  it('shows a step waiting for its retry as pending, with the error that sent it back', async () => {
    const runId = await start('retrying');
    const step = await createStep(runId, 'chargeCard');
    await world.events.create(runId, { eventType: 'step_started', correlationId: step });
    await world.events.create(runId, {
      eventType: 'step_retrying',
      correlationId: step,
      eventData: { error: { message: 'card declined' }, stack: 'Error: card declined' },
    });
    const run = toImportRun(await snap(runId), { versionKey: 'dpl_test' });
    expect(run.nodes).toEqual([
      expect.objectContaining({ nodeId: 'chargeCard', status: 'pending', attempt: 1, error: { message: 'card declined', stack: 'Error: card declined' } }),
    ]);
    expect(run.waiting).toBeNull();
  });

  it('waits on the earliest of a sleep and a hook raced together; both share the wave', async () => {
    const runId = await start('raceFlow');
    const first = await createStep(runId, 'prepare');
    await world.events.create(runId, { eventType: 'step_started', correlationId: first });
    await world.events.create(runId, {
      eventType: 'step_completed',
      correlationId: first,
      eventData: { result: await dehydrateStepReturnValue(1, runId, undefined) },
    });
    const token = `race-${ulid()}`;
    await world.events.create(runId, { eventType: 'hook_created', correlationId: `hook_${ulid()}`, eventData: { token } });
    const until = new Date(Date.now() + 7 * 86_400_000);
    await world.events.create(runId, { eventType: 'wait_created', correlationId: `wait_${ulid()}`, eventData: { resumeAt: until } });
    const run = toImportRun(await snap(runId), { versionKey: 'dpl_test' });
    expect(run.nodes.map((n) => [n.nodeId, n.status, n.needs])).toEqual([
      ['prepare', 'success', []],
      ['hook', 'running', ['prepare']],
      ['sleep', 'running', ['prepare']],
    ]);
    expect(run.waiting).toMatchObject({ kind: 'hook', nodeId: 'hook', token });
  });

  it('marks a hook whose token another run holds as failed (hook_conflict)', async () => {
    const token = `shared-${ulid()}`;
    const holder = await start('holder');
    await world.events.create(holder, { eventType: 'hook_created', correlationId: `hook_${ulid()}`, eventData: { token } });
    const late = await start('late');
    await world.events.create(late, { eventType: 'hook_created', correlationId: `hook_${ulid()}`, eventData: { token } });
    const run = toImportRun(await snap(late), { versionKey: 'dpl_test' });
    expect(run.events.map((e) => e.type)).toContain('hook_conflict');
    expect(run.nodes[0]).toMatchObject({ kind: 'hook', status: 'failed', error: { message: expect.stringContaining('another run') } });
    expect(run.waiting).toBeNull();
  });

  it('caps large values: 16 KB in event data, the run and node limits as chosen', async () => {
    const runId = await start('bigFlow');
    const step = await createStep(runId, 'export');
    await world.events.create(runId, { eventType: 'step_started', correlationId: step });
    const big = { rows: 'r'.repeat(40_000) };
    await world.events.create(runId, {
      eventType: 'step_completed',
      correlationId: step,
      eventData: { result: await dehydrateStepReturnValue(big, runId, undefined) },
    });
    const snapshot = await snap(runId);
    const run = toImportRun(snapshot, { versionKey: 'dpl_test' });
    expect(run.nodes[0]!.output).toEqual(big);
    expect(run.events.find((e) => e.type === 'step_completed')!.data.result).toMatchObject({
      $truncated: true,
      preview: expect.stringMatching(/^\{"rows":"rrr/),
    });
    expect(JSON.stringify(run.events).length).toBeLessThan(20_000);
    const small = toImportRun(snapshot, { versionKey: 'dpl_test', maxValueBytes: 1024 });
    expect(small.nodes[0]!.output).toMatchObject({ $truncated: true, bytes: JSON.stringify(big).length });
    expect(ImportRun.safeParse(small).success).toBe(true);
  });

  it('maps the same snapshot to the same import every time', async () => {
    const runId = await start('stableFlow');
    for (const name of ['a', 'a', 'b', 'a']) {
      const step = await createStep(runId, name);
      await world.events.create(runId, { eventType: 'step_started', correlationId: step });
      await world.events.create(runId, {
        eventType: 'step_completed',
        correlationId: step,
        eventData: { result: await dehydrateStepReturnValue(name, runId, undefined) },
      });
    }
    const once = toImportRun(await snap(runId), { versionKey: 'dpl_test' });
    expect(once.nodes.map((n) => n.nodeId)).toEqual(['a', 'a.2', 'b', 'a.3']);
    expect(once.nodes.map((n) => n.needs)).toEqual([[], ['a'], ['a.2'], ['b']]);
    expect(toImportRun(await snap(runId), { versionKey: 'dpl_test' })).toEqual(once);
  });
});

describe('names and versions', () => {
  it('takes the last segment of an SDK name, as a valid node and workflow name', () => {
    expect(shortName('workflow//./workflows/order//processOrder')).toBe('processOrder');
    expect(shortName('step//./workflows/order//chargeCard')).toBe('chargeCard');
    expect(shortName('step//workflow@4.8.9//fetch')).toBe('fetch');
    expect(shortName('step//./src/jobs//outer/nested$1')).toBe('outer_nested_1');
    expect(shortName('step//./x//constructor')).toBe('constructor_');
    expect(shortName('step//./x//-dash')).toBe('_-dash');
  });

  it('builds an import version for a deployment', () => {
    const v = toImportVersion({ deploymentId: 'dpl_local@4.4.1', current: true });
    expect(ImportVersion.parse(v)).toEqual({ key: 'dpl_local@4.4.1', label: 'dpl_local@4.4.1', deploymentId: 'dpl_local@4.4.1', current: true });
  });
});

// The build manifest is written by the SDK's builder (@workflow/builders, not a dependency here): point
// WORKFLOW_BUILD_MANIFEST at an app's `.well-known/workflow/v1/manifest.json` to check against a real build.
const buildManifest = process.env.WORKFLOW_BUILD_MANIFEST;
describe.skipIf(!buildManifest || !existsSync(buildManifest))('manifestFromBuild (a real build manifest)', () => {
  it('gives a Flowdeck manifest the registry accepts, with acyclic needs and no builtins', () => {
    const build = JSON.parse(readFileSync(buildManifest!, 'utf8')) as { workflows: Record<string, Record<string, { workflowId: string }>> };
    const manifest = manifestFromBuild(build);
    expect(ManifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifestProblems(manifest)).toEqual([]);
    const ids = Object.values(build.workflows).flatMap((w) => Object.values(w).map((x) => x.workflowId));
    for (const [name, wf] of Object.entries(manifest.workflows)) {
      expect(ids).toContain(wf.description);
      expect(name).toBe(shortName(wf.description!));
      for (const step of wf.steps) expect(step.run ?? '').not.toMatch(/__builtin/);
    }
  });
});

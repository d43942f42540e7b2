import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import type { OpenedDb } from '@/lib/db/open';
import { getRun, getRunNode } from '@/lib/db/queries/runs';
import { getDrainReport, getVersionRow } from '@/lib/db/queries/versions';
import { commits } from '@/lib/db/schema';
import type { VersionManifest } from '@/lib/domain/manifest';
import { AppError } from '@/lib/errors';
import { appendEvents } from '@/lib/ingest/append-events';
import { createRun } from '@/lib/ingest/create-run';
import { PIPELINE } from '@/lib/testing/fixtures';
import { storeDigest, testEngines } from '@/lib/testing/stores';
import { cancelRun, resumeRun } from './runs';
import { sunsetVersion } from './sunset';
import { upgradeRun } from './upgrade';
import { createVersion, setCurrentVersion, updateVersion } from './versions';

const at = () => new Date().toISOString();
/** v2 of the pipeline: `package` changed, and `region` is a new required input. */
const V2: VersionManifest = JSON.parse(JSON.stringify(PIPELINE).replace('make package', 'make package --sign'));
const V3: VersionManifest = JSON.parse(JSON.stringify(V2));
V3.workflows.pipeline!.input = {
  ...PIPELINE.workflows.pipeline!.input,
  required: ['branch', 'region'],
  properties: { branch: { type: 'string' }, region: { type: 'string' } },
};

async function chain(store: OpenedDb) {
  const rows = await store.db.select().from(commits).orderBy(commits.seq);
  rows.forEach((c, i) => {
    expect(c.seq).toBe(i + 1);
    expect(c.parentId).toBe(i === 0 ? null : rows[i - 1]?.id);
  });
  return rows;
}

/** A version's row version now: what a write to it must expect. */
const rowVersion = async (db: Db, id: string) => (await getVersionRow(db, id)).rowVersion;

/** Makes a version current, whatever the store's state: the other tests' versions share the store. */
async function makeCurrent(db: Db, id: string) {
  return (await setCurrentVersion(db, 'alice', { id, expectedVersion: await rowVersion(db, id) })).result;
}

describe.each(testEngines())('control plane on $name', (engine) => {
  // One store for the file (opening one takes seconds). The two versions registered on the empty store
  // stay as they were made; each test then registers versions of its own, runs its runs on them and reads
  // the row versions it writes against, so any test passes alone.
  let store: OpenedDb;
  let registered: Awaited<ReturnType<typeof createVersion>>[];
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    store = await engine.open();
    registered = [
      await createVersion(store.db, 'alice', { manifest: PIPELINE, address: 'https://v1.example', label: 'first' }),
      await createVersion(store.db, 'alice', { manifest: V2, address: 'https://v2.example', label: 'second' }),
    ];
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    v1 = (await createVersion(store.db, 'alice', { manifest: PIPELINE, address: 'https://v1.example', label: 'v1' })).result.id;
    v2 = (await createVersion(store.db, 'alice', { manifest: V2, address: 'https://v2.example', label: 'v2' })).result.id;
  });

  it('registers versions with one commit each; the first live one becomes current', async () => {
    const [first, second] = (await chain(store)).slice(0, 2);
    expect([first?.id, second?.id]).toEqual(registered.map((r) => r.commit?.id));
    expect([first, second].map((c) => [c?.actor, c?.action])).toEqual([
      ['alice', 'version.create'],
      ['alice', 'version.create'],
    ]);
    expect(first?.changes[0]).toMatchObject({ entity: 'version', id: registered[0]?.result.id, before: null, after: { status: 'live', isCurrent: true } });
    expect(second?.changes[0]).toMatchObject({ after: { isCurrent: false } });
  });

  it('refuses a manifest with a cycle or an invalid input schema, writing nothing', async () => {
    const before = await storeDigest(store.db);
    const cyclic: VersionManifest = { workflows: { w: { input: {}, steps: [{ id: 'a', run: 'x', needs: [{ step: 'a' }] }] } } };
    await expect(createVersion(store.db, 'alice', { manifest: cyclic })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('cycle'),
    });
    const badSchema: VersionManifest = { workflows: { w: { input: { type: 'nope' }, steps: [{ id: 'a', run: 'x' }] } } };
    await expect(createVersion(store.db, 'alice', { manifest: badSchema })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('answers a stale expected version with a structured conflict and no commit', async () => {
    const before = await storeDigest(store.db);
    const err = await updateVersion(store.db, 'bob', { id: v2, expectedVersion: 7, label: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 409, code: 'conflict', details: { entity: 'version', id: v2, expected: 7, actual: 1 } });
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('refuses a safe sunset while runs are active, drains, and sunsets when the last run ends', async () => {
    await makeCurrent(store.db, v1);
    const a = await createRun(store.db, { workflow: 'pipeline', groupPath: 'g', input: { branch: 'a' } });
    const b = await createRun(store.db, { workflow: 'pipeline', groupPath: 'g', input: { branch: 'b' } });
    expect([a.versionId, b.versionId]).toEqual([v1, v1]);
    await appendEvents(store.db, b.id, [
      { type: 'run_started', at: at() },
      { type: 'node_started', at: at(), nodeId: 'approve' },
      { type: 'hook_created', at: at(), nodeId: 'approve', token: `tok-${b.id}` },
    ]);
    expect((await makeCurrent(store.db, v2)).isCurrent).toBe(true);
    const expectedVersion = await rowVersion(store.db, v1);
    const refusal = await sunsetVersion(store.db, 'alice', { id: v1, expectedVersion, mode: 'safe' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'version_has_active_runs', status: 409, details: { total: 2, counts: { queued: 1, hook: 1 } } });
    const drained = await sunsetVersion(store.db, 'alice', { id: v1, expectedVersion, mode: 'drain' });
    expect(drained.result.status).toBe('draining');
    await expect(createRun(store.db, { workflow: 'pipeline', versionId: v1, groupPath: 'g', input: { branch: 'c' } })).rejects.toMatchObject({
      code: 'version_not_accepting_runs',
    });
    expect((await getDrainReport(store.db, v1)).counts).toMatchObject({ queued: 1, hook: 1 });
    await cancelRun(store.db, 'bob', { runId: a.id, expectedVersion: a.rowVersion });
    expect((await getDrainReport(store.db, v1)).status).toBe('draining');
    await cancelRun(store.db, 'bob', { runId: b.id, expectedVersion: (await getRun(store.db, b.id)).rowVersion });
    const report = await getDrainReport(store.db, v1);
    expect(report).toMatchObject({ status: 'sunset', total: 0 });
    const last = (await chain(store)).at(-1);
    expect(last).toMatchObject({
      actor: 'bob',
      action: 'run.cancel',
      changes: [
        { entity: 'run', id: b.id },
        { entity: 'version', id: v1, after: { status: 'sunset' } },
      ],
    });
  });

  it('forces a sunset only with a reason, flagging stranded runs', async () => {
    const v = (
      await createVersion(store.db, 'alice', { manifest: { workflows: { w: { input: {}, steps: [{ id: 's', run: 'x' }] } } }, address: 'https://f.example' })
    ).result;
    const run = await createRun(store.db, { workflow: 'w', versionId: v.id, groupPath: 'g', input: {} });
    await expect(sunsetVersion(store.db, 'admin', { id: v.id, expectedVersion: v.rowVersion, mode: 'force' })).rejects.toMatchObject({ code: 'invalid_input' });
    await sunsetVersion(store.db, 'admin', { id: v.id, expectedVersion: v.rowVersion, mode: 'force', reason: 'CVE in v3 image' });
    expect((await getRun(store.db, run.id)).stranded).toBe(true);
    expect((await chain(store)).at(-1)).toMatchObject({
      action: 'version.sunset.force',
      reason: 'CVE in v3 image',
      changes: [expect.anything(), { entity: 'run', id: run.id }],
    });
  });

  it('dry-runs an upgrade without changing anything and refuses an incompatible one', async () => {
    const v3 = (await createVersion(store.db, 'alice', { manifest: V3, address: 'https://v3.example' })).result.id;
    const run = await createRun(store.db, { workflow: 'pipeline', versionId: v1, groupPath: 'g', input: { branch: 'main' } });
    const before = await storeDigest(store.db);
    const dry = await upgradeRun(store.db, 'bob', { runId: run.id, targetVersionId: v3, strategy: 'restart', dryRun: true });
    expect(dry.report).toMatchObject({ compatible: false, input: { ok: false, problems: [{ path: '/region' }] } });
    await expect(
      upgradeRun(store.db, 'bob', { runId: run.id, targetVersionId: v3, strategy: 'restart', expectedVersion: run.rowVersion }),
    ).rejects.toMatchObject({
      code: 'incompatible',
      details: { report: { reasons: [expect.stringContaining('/region')] } },
    });
    expect(await storeDigest(store.db)).toEqual(before);
  });

  it('resumes a run on a new version keeping results, artifacts and the hook token; the old run stops when the new starts', async () => {
    // v4 differs from v2 only in the cool-down's sleep, which has not started: every finished step is reused.
    const v4 = (await createVersion(store.db, 'alice', { manifest: JSON.parse(JSON.stringify(V2).replace('"2h"', '"3h"')), address: 'https://v4.example' }))
      .result.id;
    const run = await createRun(store.db, { workflow: 'pipeline', versionId: v2, groupPath: 'g', input: { branch: 'main' } });
    await appendEvents(store.db, run.id, [
      { type: 'run_started', at: at() },
      { type: 'node_started', at: at(), nodeId: 'build' },
      { type: 'node_succeeded', at: at(), nodeId: 'build', output: { image: 'x' } },
      { type: 'node_started', at: at(), nodeId: 'test' },
      { type: 'node_succeeded', at: at(), nodeId: 'test' },
      { type: 'node_started', at: at(), nodeId: 'package' },
      { type: 'node_succeeded', at: at(), nodeId: 'package' },
      { type: 'node_skipped', at: at(), nodeId: 'notify' },
      { type: 'node_started', at: at(), nodeId: 'approve' },
      { type: 'hook_created', at: at(), nodeId: 'approve', token: `keep-${run.id}` },
    ]);
    const old = await getRun(store.db, run.id);
    const out = await upgradeRun(store.db, 'bob', { runId: run.id, targetVersionId: v4, strategy: 'resume', expectedVersion: old.rowVersion });
    expect(out.report.reuse).toEqual(['build', 'test', 'package', 'notify']);
    const fresh = await getRun(store.db, out.newRun!.id);
    expect(fresh).toMatchObject({ phase: 'queued', upgradedFrom: run.id, waiting: { kind: 'hook', token: `keep-${run.id}` } });
    expect(await getRunNode(store.db, fresh.id, 'build')).toMatchObject({ status: 'success', output: { image: 'x' }, reusedFrom: run.id });
    expect(await getRun(store.db, run.id)).toMatchObject({ phase: 'paused', upgradedTo: fresh.id });
    await appendEvents(store.db, fresh.id, [
      { type: 'run_started', at: at() },
      { type: 'hook_received', at: at(), nodeId: 'approve', token: `keep-${run.id}` },
    ]);
    expect(await getRun(store.db, run.id)).toMatchObject({ phase: 'cancelled', result: 'stopped' });
    expect((await getRun(store.db, fresh.id)).waiting).toBeNull();
  });

  it('brings back a run whose upgrade never started; its queued successor is cancelled', async () => {
    const target = (
      await createVersion(store.db, 'alice', { manifest: JSON.parse(JSON.stringify(V2).replace('make test', 'make test -j8')), address: 'https://v5.example' })
    ).result.id;
    const run = await createRun(store.db, { workflow: 'pipeline', versionId: v2, groupPath: 'g', input: { branch: 'main' } });
    const out = await upgradeRun(store.db, 'bob', { runId: run.id, targetVersionId: target, strategy: 'restart', expectedVersion: run.rowVersion });
    const paused = await getRun(store.db, run.id);
    await resumeRun(store.db, 'bob', { runId: run.id, expectedVersion: paused.rowVersion });
    expect(await getRun(store.db, run.id)).toMatchObject({ phase: 'running', upgradedTo: null });
    expect(await getRun(store.db, out.newRun!.id)).toMatchObject({ phase: 'cancelled' });
    await chain(store);
  });
});

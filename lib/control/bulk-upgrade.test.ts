import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDb } from '@/lib/db/open';
import { getJob } from '@/lib/db/queries/jobs';
import { runs } from '@/lib/db/schema';
import type { VersionManifest } from '@/lib/domain/manifest';
import { createRun } from '@/lib/ingest/create-run';
import { PIPELINE } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { processNextItem, startBulkUpgrade } from './bulk-upgrade';
import { createVersion } from './versions';

/** v2 requires `retries`, which a third of the runs lack. */
const V2: VersionManifest = JSON.parse(JSON.stringify(PIPELINE));
V2.workflows.pipeline!.input = { ...PIPELINE.workflows.pipeline!.input, required: ['branch', 'retries'] };

describe.each(testEngines())('bulk upgrade on $name', (engine) => {
  // One store for the file; each test upgrades 30 runs of a v1 and to a v2 of its own.
  let store: OpenedDb;
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    v1 = (await createVersion(store.db, 'alice', { manifest: PIPELINE, address: 'https://v1.example' })).result.id;
    v2 = (await createVersion(store.db, 'alice', { manifest: V2, address: 'https://v2.example' })).result.id;
    for (let i = 0; i < 30; i++) {
      await createRun(store.db, {
        workflow: 'pipeline',
        versionId: v1,
        groupPath: `team/${i % 2 ? 'a' : 'b'}`,
        input: i % 3 ? { branch: `b${i}`, retries: 1 } : { branch: `b${i}` },
      });
    }
  });

  it('dry-runs with counts and reasons, changing nothing', async () => {
    const dry = await startBulkUpgrade(store.db, 'bob', { versionId: v1, targetVersionId: v2, strategy: 'restart', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, total: 30, compatible: 20, incompatible: 10 });
    expect('reasons' in dry && dry.reasons[0]).toMatchObject({ reason: expect.stringContaining('/retries'), runs: 10 });
    const filtered = await startBulkUpgrade(store.db, 'bob', {
      versionId: v1,
      targetVersionId: v2,
      strategy: 'restart',
      dryRun: true,
      filter: { group: 'team/a' },
    });
    expect(filtered).toMatchObject({ total: 15 });
    expect(
      await store.db
        .select()
        .from(runs)
        .where(and(eq(runs.versionId, v1), isNotNull(runs.upgradedTo))),
    ).toEqual([]);
  });

  it('persists a job and upgrades each run exactly once, recording every outcome', async () => {
    const job = await startBulkUpgrade(store.db, 'bob', { versionId: v1, targetVersionId: v2, strategy: 'restart' });
    expect('id' in job && job.total).toBe(30);
    const jobId = (job as { id: string }).id;
    let steps = 0;
    while (await processNextItem(store.db, jobId)) steps++;
    expect(steps).toBe(30);
    const done = await getJob(store.db, jobId);
    expect(done).toMatchObject({ status: 'done', total: 30, done: 20, failed: 10, skipped: 0 });
    expect(done.items.filter((i) => i.status === 'failed').every((i) => i.reason?.includes('/retries'))).toBe(true);
    const successors = await store.db.select().from(runs).where(eq(runs.versionId, v2));
    expect(successors).toHaveLength(20);
    expect(new Set(successors.map((r) => r.upgradedFrom)).size).toBe(20);
    const again = await startBulkUpgrade(store.db, 'bob', { versionId: v1, targetVersionId: v2, strategy: 'restart', dryRun: true });
    expect(again).toMatchObject({ total: 10 });
  });
});

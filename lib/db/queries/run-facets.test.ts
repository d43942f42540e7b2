import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportBody } from '@/lib/contract/engine-import';
import type { OpenedDb } from '@/lib/db/open';
import { importBatch } from '@/lib/ingest/import-runs';
import { insertVersion, PIPELINE } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { listRunFacets } from './run-facets';

describe.each(testEngines())('run facets on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it('is empty without versions', async () => {
    expect(await listRunFacets(store.db)).toEqual({ workflows: [], versions: [], sources: ['flowdeck'] });
  });

  it('lists distinct workflows of every manifest and the versions newest first', async () => {
    const older = await insertVersion(store.db, { status: 'draining' });
    const pipeline = PIPELINE.workflows.pipeline;
    if (!pipeline) throw new Error('fixture has no pipeline');
    const newer = await insertVersion(store.db, { current: true, manifest: { workflows: { pipeline, 'db-backup': pipeline } } });
    const facets = await listRunFacets(store.db);
    expect(facets.workflows).toEqual(['db-backup', 'pipeline']);
    expect(facets.versions.map((v) => [v.id, v.status, v.isCurrent])).toEqual([
      [newer, 'live', true],
      [older, 'draining', false],
    ]);
    expect(facets.versions[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(facets.sources).toEqual(['flowdeck']);
  });

  it('offers the sources runs come from, and the workflows of imported runs whose version names none', async () => {
    await importBatch(
      store.db,
      'sync',
      'workflow-local',
      ImportBody.parse({
        versions: [{ key: 'dpl_local@4.4.1', label: 'dpl_local@4.4.1', deploymentId: 'dpl_local@4.4.1' }],
        runs: [
          {
            externalId: 'wrun_F',
            versionKey: 'dpl_local@4.4.1',
            workflow: 'processOrder',
            workflowRef: 'workflow//./w//processOrder',
            engineStatus: 'completed',
            phase: 'finished',
            result: 'success',
            waiting: null,
            createdAt: '2026-12-01T00:00:00Z',
            startedAt: null,
            finishedAt: null,
            input: [],
            nodes: [],
            events: [],
          },
        ],
      }),
    );
    const facets = await listRunFacets(store.db);
    expect(facets.sources).toEqual(['flowdeck', 'workflow-local']);
    expect(facets.workflows).toContain('processOrder');
    expect(facets.versions[0]).toMatchObject({ label: 'dpl_local@4.4.1', runSource: 'workflow-local' });
  });
});

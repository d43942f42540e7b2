import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDb } from '@/lib/db/open';
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
    expect(await listRunFacets(store.db)).toEqual({ workflows: [], versions: [] });
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
  });
});

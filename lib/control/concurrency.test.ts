import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDb } from '@/lib/db/open';
import { commits, versions } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { PIPELINE } from '@/lib/testing/fixtures';
import { testEngines } from '@/lib/testing/stores';
import { createVersion, updateVersion } from './versions';

const WRITERS = 16;
const UPDATES = 500;

describe.each(testEngines())('optimistic concurrency on $name', (engine) => {
  let store: OpenedDb;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(() => store.close());

  it(`${WRITERS} writers × ${UPDATES} updates of one version: unique commits, a linear gapless chain, structured 409s, nothing lost`, async () => {
    const { result: version } = await createVersion(store.db, 'setup', { manifest: PIPELINE, address: 'https://c.example' });
    const wins: { writer: number; label: string; commitId: string }[] = [];
    const losses: Record<string, unknown>[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; n < UPDATES; n++) {
          const [seen] = await store.db.select({ rowVersion: versions.rowVersion }).from(versions).where(eq(versions.id, version.id));
          const label = `w${writer}-${n}`;
          try {
            const { commit } = await updateVersion(store.db, `writer-${writer}`, { id: version.id, expectedVersion: seen!.rowVersion, label });
            wins.push({ writer, label, commitId: commit!.id });
          } catch (err) {
            if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
            losses.push({ status: err.status, code: err.code, ...err.details });
          }
        }
      }),
    );
    expect(wins.length + losses.length).toBe(WRITERS * UPDATES);
    expect(wins.length).toBeGreaterThan(0);
    expect(new Set(wins.map((w) => w.commitId)).size).toBe(wins.length);
    for (const loss of losses) {
      expect(loss).toMatchObject({
        status: 409,
        code: 'conflict',
        entity: 'version',
        id: version.id,
        expected: expect.any(Number),
        actual: expect.any(Number),
      });
      expect((loss.actual as number) > (loss.expected as number)).toBe(true);
    }
    const chain = await store.db.select().from(commits).orderBy(commits.seq);
    chain.forEach((c, i) => {
      expect(c.seq).toBe(i + 1);
      expect(c.parentId).toBe(i === 0 ? null : chain[i - 1]!.id);
    });
    const updates = chain.filter((c) => c.action === 'version.update');
    expect(updates.map((c) => c.id).sort()).toEqual(wins.map((w) => w.commitId).sort());
    // Nothing lost: every win moved the row version by one, and the last win's label is the one stored.
    const [final] = await store.db.select().from(versions).where(eq(versions.id, version.id));
    expect(final!.rowVersion).toBe(1 + wins.length);
    expect(final!.label).toBe((updates.at(-1)!.changes[0]!.after as { label: string }).label);
    console.log(`${engine.name}: ${wins.length} updates won, ${losses.length} answered 409`);
  }, 300_000);
});

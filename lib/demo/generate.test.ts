import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { decodeTime } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '@/lib/artifacts/local-blob-store';
import { queryRows } from '@/lib/db/client';
import { getArtifactUsage } from '@/lib/db/queries/artifacts';
import { getRun } from '@/lib/db/queries/runs';
import type { EventRow, NodeRow, RunRow } from '@/lib/db/schema';
import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { idPattern } from '@/lib/domain/ids';
import { schemaProblem } from '@/lib/domain/input-schema';
import { manifestProblems, normalizedNeeds, prepareManifest } from '@/lib/domain/manifest';
import { applyEvents, type RunEvent } from '@/lib/domain/run-machine';
import { isActive, RUN_PHASES, RUN_RESULTS } from '@/lib/domain/run-phase';
import { DEMO_LEASE_OWNER, INDEFINITE_LEASE } from '@/lib/domain/runner-lease';
import { claimRuns } from '@/lib/ingest/runner-leases';
import { testEngines } from '@/lib/testing/stores';
import { initialRunState } from './build-run';
import { collectDemo } from './generate';
import { isStoreEmpty, loadDemo } from './load';

function isStaleStaging(demo: Awaited<ReturnType<typeof collectDemo>>, n: Awaited<ReturnType<typeof collectDemo>>['nodes'][number]): boolean {
  return Object.entries(n.stagedManifests).some(
    ([producer, digest]) => demo.nodes.find((p) => p.runId === n.runId && p.nodeId === producer)?.artifactManifest !== digest,
  );
}

const ANCHOR = new Date('2025-06-01T12:00:00.000Z');
type Demo = Awaited<ReturnType<typeof collectDemo>>;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function toRunEvent(e: EventRow): RunEvent {
  return { type: e.type, at: e.at.toISOString(), ...(e.nodeId === null ? {} : { nodeId: e.nodeId }), ...e.data } as unknown as RunEvent;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

describe('generateDemo', () => {
  let demo: Demo;
  let nodesByRun: Map<string, NodeRow[]>;
  let eventsByRun: Map<string, EventRow[]>;

  beforeAll(async () => {
    demo = await collectDemo({ runs: 3_000, seed: 7, anchor: ANCHOR });
    nodesByRun = groupBy(demo.nodes, (n) => n.runId);
    eventsByRun = groupBy(demo.events, (e) => e.runId);
  });

  it('is deterministic for a seed and anchor, whatever the batch size, and differs for another seed', async () => {
    const a = await collectDemo({ runs: 400, seed: 3, anchor: ANCHOR });
    const b = await collectDemo({ runs: 400, seed: 3, anchor: ANCHOR, batchSize: 77 });
    expect(b).toEqual(a);
    const c = await collectDemo({ runs: 400, seed: 4, anchor: ANCHOR });
    expect(c.runs.map((r) => r.id)).not.toEqual(a.runs.map((r) => r.id));
    expect(c.versions.map((v) => v.id)).not.toEqual(a.versions.map((v) => v.id));
  });

  it('has every phase and result, in a realistic mix', () => {
    const phases = new Set(demo.runs.map((r) => r.phase));
    const results = new Set(demo.runs.map((r) => r.result));
    for (const p of RUN_PHASES) expect(phases, p).toContain(p);
    for (const r of RUN_RESULTS) expect(results, r).toContain(r);
    const share = (f: (r: RunRow) => boolean) => demo.runs.filter(f).length / demo.runs.length;
    expect(share((r) => r.phase === 'finished' && r.result === 'success')).toBeGreaterThan(0.8);
    expect(share((r) => isActive(r.phase))).toBeGreaterThan(0.005);
    expect(share((r) => isActive(r.phase))).toBeLessThan(0.08);
    expect(share((r) => r.phase === 'setuperror')).toBeGreaterThan(0.003);
    expect(share((r) => r.phase === 'setuperror')).toBeLessThan(0.03);
  });

  it('has at least 8 versions in every state, one current', () => {
    const { versions } = demo;
    expect(versions.length).toBeGreaterThanOrEqual(8);
    expect(versions.filter((v) => v.isCurrent)).toHaveLength(1);
    expect(versions.find((v) => v.isCurrent)?.status).toBe('live');
    for (const status of ['live', 'draining', 'sunset', 'pending'] as const)
      expect(
        versions.some((v) => v.status === status),
        status,
      ).toBe(true);
    for (const v of versions) {
      expect(v.address === null).toBe(v.status === 'pending');
      expect(v.id).toMatch(idPattern('vers'));
      expect({ manifestDigest: v.manifestDigest, signatures: v.signatures }).toEqual(prepareManifest(v.manifest));
    }
    const pending = versions.filter((v) => v.status === 'pending').map((v) => v.id);
    expect(demo.runs.some((r) => pending.includes(r.versionId))).toBe(false);
  });

  it('has realistic workflows: 6+, valid, 3 to 40 steps, every condition and action, producers', () => {
    for (const v of demo.versions) {
      expect(manifestProblems(v.manifest)).toEqual([]);
      for (const wf of Object.values(v.manifest.workflows)) expect(schemaProblem(wf.input)).toBeNull();
    }
    const workflows = Object.values(demo.versions.at(-1)!.manifest.workflows);
    expect(workflows.length).toBeGreaterThanOrEqual(6);
    const sizes = workflows.map((w) => w.steps.length);
    expect(Math.min(...sizes)).toBe(3);
    expect(Math.max(...sizes)).toBe(40);
    const steps = workflows.flatMap((w) => w.steps);
    const conditions = new Set(steps.flatMap((s) => normalizedNeeds(s).map((n) => n.when)));
    expect([...conditions].sort()).toEqual(['on_failure', 'on_skipped', 'on_success']);
    expect(steps.some((s) => s.sleep !== undefined) && steps.some((s) => s.hook !== undefined)).toBe(true);
    expect(steps.some((s) => (s.outputs ?? []).length > 0)).toBe(true);
    expect(new Set(demo.runs.map((r) => r.workflow)).size).toBe(workflows.length);
  });

  it('changes realistically between versions: a step signature, an input schema field', () => {
    const pairs = demo.versions.slice(1).map((v, i) => [demo.versions[i]!, v] as const);
    const changedSignature = pairs.some(([a, b]) =>
      Object.entries(b.signatures).some(([wf, sigs]) =>
        Object.entries(sigs).some(([id, sig]) => a.signatures[wf]?.[id] !== undefined && a.signatures[wf]?.[id] !== sig),
      ),
    );
    const addedField = pairs.some(([a, b]) =>
      Object.entries(b.manifest.workflows).some(([wf, def]) => {
        const before = Object.keys((a.manifest.workflows[wf]?.input.properties as object) ?? {});
        return Object.keys(def.input.properties as object).some((k) => !before.includes(k));
      }),
    );
    expect(changedSignature).toBe(true);
    expect(addedField).toBe(true);
  });

  it('keeps active runs off sunset and pending versions; the draining version holds sleeping and hook-waiting runs', () => {
    const status = new Map(demo.versions.map((v) => [v.id, v.status]));
    const active = demo.runs.filter((r) => isActive(r.phase));
    expect(active.filter((r) => status.get(r.versionId) === 'sunset' || status.get(r.versionId) === 'pending')).toEqual([]);
    expect(demo.runs.some((r) => status.get(r.versionId) === 'sunset')).toBe(true);
    const draining = active.filter((r) => status.get(r.versionId) === 'draining');
    const sleeping = draining.filter((r) => r.waiting?.kind === 'sleep');
    const hooked = draining.filter((r) => r.waiting?.kind === 'hook');
    expect(sleeping.length).toBeGreaterThan(0);
    expect(hooked.length).toBeGreaterThan(0);
    for (const r of sleeping) expect(new Date((r.waiting as { until: string }).until).getTime()).toBeGreaterThan(ANCHOR.getTime());
    for (const r of hooked) expect(r.waiting).toMatchObject({ kind: 'hook', token: expect.stringMatching(/^hk_/), since: expect.any(String) });
  });

  it('leases every active run to the simulated engine indefinitely, so no runner claims it; ended runs hold no lease', () => {
    for (const r of demo.runs) {
      if (isActive(r.phase)) expect([r.leaseOwner, r.leaseExpiresAt?.toISOString()]).toEqual([DEMO_LEASE_OWNER, INDEFINITE_LEASE]);
      else expect([r.leaseOwner, r.leaseExpiresAt]).toEqual([null, null]);
    }
  });

  it('spreads runs over the 30 days before the anchor, ids in time order', () => {
    let previous = '';
    for (const r of demo.runs) {
      expect(r.id > previous).toBe(true);
      previous = r.id;
      expect(decodeTime(r.id.slice(4))).toBe(r.createdAt.getTime());
      expect(ANCHOR.getTime() - r.createdAt.getTime()).toBeLessThanOrEqual(30 * 86_400_000);
      expect(r.createdAt.getTime()).toBeLessThan(ANCHOR.getTime());
    }
    expect(demo.events.every((e) => e.at.getTime() <= ANCHOR.getTime())).toBe(true);
    expect(new Set(demo.runs.map((r) => r.groupPath.split('/')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it('stores runs exactly as the projection of their events', () => {
    const versions = new Map(demo.versions.map((v) => [v.id, v]));
    for (const run of demo.runs) {
      const events = eventsByRun.get(run.id) ?? [];
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(run.lastSeq).toBe(events.length);
      expect(events[0]).toMatchObject({ type: 'run_created', data: { phase: run.phase === 'setuperror' ? 'setuperror' : 'queued', versionId: run.versionId } });
      const nodes = nodesByRun.get(run.id) ?? [];
      if (run.phase === 'setuperror') {
        expect(run.setupErrors?.length).toBeGreaterThan(0);
        expect(nodes).toEqual([]);
        expect(events).toHaveLength(1);
        continue;
      }
      const steps = versions.get(run.versionId)!.manifest.workflows[run.workflow]!.steps;
      const state = applyEvents(initialRunState(steps.map((s) => s.id)), events.slice(1).map(toRunEvent));
      expect({ phase: run.phase, result: run.result, waiting: run.waiting, output: run.output, error: run.error }).toEqual({
        phase: state.run.phase,
        result: state.run.result,
        waiting: state.run.waiting,
        output: state.run.output,
        error: state.run.error,
      });
      expect([iso(run.startedAt), iso(run.finishedAt)]).toEqual([state.run.startedAt, state.run.finishedAt]);
      expect(nodes.map((n) => n.nodeId)).toEqual(steps.map((s) => s.id));
      for (const n of nodes) {
        const s = state.nodes[n.nodeId]!;
        expect({ ...s }).toEqual({
          status: n.status,
          attempt: n.attempt,
          startedAt: iso(n.startedAt),
          finishedAt: iso(n.finishedAt),
          output: n.output,
          error: n.error,
          stagedManifests: n.stagedManifests,
        });
      }
    }
  });

  it('publishes content-addressed artifacts, reused across runs, with some stale staged digests', () => {
    const blobs = new Map(demo.blobs.map((b) => [b.digest, b]));
    for (const b of demo.blobs) expect(sha256Digest(b.bytes)).toBe(b.digest);
    const manifests = new Map(demo.manifests.map((m) => [m.digest, m]));
    for (const m of demo.manifests) {
      expect(buildManifest(m.entries).digest).toBe(m.digest);
      for (const e of m.entries) expect(blobs.get(e.digest)?.size).toBe(e.size);
    }
    const published = demo.nodes.filter((n) => n.artifactManifest !== null);
    expect(published.every((n) => n.status === 'success' && manifests.has(n.artifactManifest!))).toBe(true);
    expect(published.length).toBeGreaterThan(new Set(published.map((n) => n.artifactManifest)).size * 10);
    const current = new Map(published.map((n) => [`${n.runId}/${n.nodeId}`, n.artifactManifest]));
    const consumers = demo.nodes.filter((n) => Object.keys(n.stagedManifests).length > 0);
    expect(consumers.length).toBeGreaterThan(0);
    const stale = consumers.filter((n) => Object.entries(n.stagedManifests).some(([producer, d]) => current.get(`${n.runId}/${producer}`) !== d));
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((n) => Object.values(n.stagedManifests).every((d) => manifests.has(d)))).toBe(true);
  });

  it('counts runs by version, phase and result', () => {
    expect(demo.runCounts.reduce((sum, c) => sum + c.n, 0)).toBe(demo.runs.length);
    for (const c of demo.runCounts) {
      expect(demo.runs.filter((r) => r.versionId === c.versionId && r.phase === c.phase && r.result === c.result)).toHaveLength(c.n);
    }
  });
});

describe.each(testEngines())('loadDemo on $name', (engine) => {
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-demo-blobs-'));
  afterAll(() => fs.rmSync(blobDir, { recursive: true, force: true }));

  it('writes the demo and reads it back', async () => {
    const store = await engine.open();
    try {
      const blobs = new LocalBlobStore(blobDir);
      expect(await isStoreEmpty(store.db)).toBe(true);
      const result = await loadDemo(store.db, blobs, { runs: 1_500, seed: 11, anchor: ANCHOR });
      expect(await isStoreEmpty(store.db)).toBe(false);
      const [counts] = await queryRows<Record<string, string | number>>(
        store.db,
        sql`select (select count(*) from versions) as versions, (select count(*) from runs) as runs,
          (select coalesce(sum(n), 0) from run_counts) as counted, (select count(*) from nodes) as nodes,
          (select count(*) from events) as events, (select count(*) from blobs) as blobs, (select count(*) from manifests) as manifests`,
      );
      expect(Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)]))).toEqual({
        versions: result.versions,
        runs: 1_500,
        counted: 1_500,
        nodes: result.nodes,
        events: result.events,
        blobs: result.blobs,
        manifests: result.manifests,
      });
      const demo = await collectDemo({ runs: 1_500, seed: 11, anchor: ANCHOR });
      const hooked = demo.runs.find((r) => r.waiting?.kind === 'hook')!;
      const [row] = await queryRows<{ waiting: unknown; input: unknown; created_at: Date | string }>(
        store.db,
        sql`select waiting, input, created_at from runs where id = ${hooked.id}`,
      );
      expect({ waiting: row?.waiting, input: row?.input, createdAt: new Date(row!.created_at).toISOString() }).toEqual({
        waiting: hooked.waiting,
        input: hooked.input,
        createdAt: hooked.createdAt.toISOString(),
      });
      const digest = demo.manifests[0]!.entries[0]!.digest;
      expect(await blobs.has(digest)).toBe(true);
      const staleRun = demo.nodes.find((n) => Object.keys(n.stagedManifests).length > 0 && isStaleStaging(demo, n))!;
      const detail = await getRun(store.db, staleRun.runId);
      expect(detail.edges.some((e) => e.stale)).toBe(true);
      const usage = await getArtifactUsage(store.db, detail.edges[0]!.digest);
      expect(usage.consumedBy.length).toBeGreaterThan(0);
      expect(await claimRuns(store.db, { runnerId: 'r1', capacity: 64, leaseSeconds: 15 }, ANCHOR)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

// Run-graph benchmark: `npx tsx bench/graph-run.ts [--nodes 2000,10000] [--samples 3] [--port 3410]`.
// Writes one run per size, with that many nodes, straight into a fresh PGlite store (bench/.data/graph-…)
// before the server opens it, starts the dashboard on it, and times in Chromium: navigation → graph drawn
// (the `data-drawn-at` mark the graph sets two frames after React Flow has its nodes), the layout in the
// worker, long tasks on the main thread, and frame times while panning and after "fit view".
// Needs a built app (`flowdeck start` builds when sources changed). Results: stdout + bench/.data/graph-run.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import type { Db } from '@/lib/db/client';
import { openDb } from '@/lib/db/open';
import { manifests, nodes, runs, stagedArtifacts, versions } from '@/lib/db/schema';
import { buildManifest } from '@/lib/domain/artifact-manifest';
import { sha256Digest } from '@/lib/domain/digest';
import { newId } from '@/lib/domain/ids';
import { prepareManifest, type StepDefinition } from '@/lib/domain/manifest';
import type { NeedCondition, NodeStatus } from '@/lib/domain/node-status';
import { ms, percentile, ROOT, startServer } from './lib';

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2000,10000' },
    samples: { type: 'string', default: '3' },
    port: { type: 'string', default: '3410' },
  },
});
const sizes = args.nodes.split(',').map(Number);
const samples = Number(args.samples);

/** A deterministic pseudo-random source (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchStep {
  id: string;
  needs: { step: string; when: NeedCondition }[];
  layer: number;
}

/** A layered DAG: ~√n·1.2 layers; each step needs 1–3 steps of the previous layer (sometimes two back). */
function makeSteps(n: number, random: () => number): BenchStep[] {
  const width = Math.max(4, Math.round(Math.sqrt(n) / 1.2));
  const steps: BenchStep[] = [];
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / width);
    const needs: BenchStep['needs'] = [];
    if (layer > 0) {
      const k = 1 + Math.floor(random() * 3);
      for (let j = 0; j < k; j++) {
        const back = layer > 1 && random() < 0.15 ? 2 : 1;
        const p = (layer - back) * width + Math.floor(random() * width);
        const step = steps[p]?.id;
        if (!step || needs.some((x) => x.step === step)) continue;
        const r = random();
        needs.push({ step, when: r < 0.03 ? 'on_failure' : r < 0.05 ? 'on_skipped' : 'on_success' });
      }
    }
    steps.push({ id: `step-${String(i).padStart(5, '0')}`, needs, layer });
  }
  return steps;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** One finished run with `n` nodes, artifact edges (some stale), on its own version. Returns the run id. */
async function seedRun(db: Db, n: number): Promise<string> {
  const random = rng(n);
  const steps = makeSteps(n, random);
  const workflow = `bench-graph-${n}`;
  const definitions: StepDefinition[] = steps.map((s) => ({ id: s.id, ...(s.needs.length ? { needs: s.needs } : {}), run: `./work.sh ${s.id}` }));
  const manifest = { workflows: { [workflow]: { input: {}, steps: definitions } } };
  const prepared = prepareManifest(manifest);
  const now = Date.now();
  const versionId = newId('vers', now - 3_600_000);
  await db.insert(versions).values({
    id: versionId,
    manifest,
    ...prepared,
    address: 'https://bench.example.internal',
    status: 'live',
    isCurrent: false,
    createdAt: new Date(now - 3_600_000),
    updatedAt: new Date(now - 3_600_000),
  });

  // A pool of published manifests that producers share.
  const pool = Array.from({ length: 24 }, (_, i) => {
    const entries = Array.from({ length: 1 + (i % 5) }, (_, j) => ({
      path: `out/file-${i}-${j}.bin`,
      digest: sha256Digest(`bench ${i} ${j}`),
      size: 1024 * (j + 1) * (i + 1),
    }));
    return buildManifest(entries);
  });
  await db
    .insert(manifests)
    .values(
      pool.map((m) => ({
        digest: m.digest,
        entries: m.entries,
        fileCount: m.entries.length,
        totalSize: m.entries.reduce((s, e) => s + e.size, 0),
        createdAt: new Date(now),
      })),
    )
    .onConflictDoNothing();

  const runId = newId('run', now - 1_800_000);
  const started = now - 1_800_000;
  const published = new Map<string, string>();
  const rows = steps.map((s) => {
    // Statuses are drawn independently (mostly success): what a big graph looks like matters here, not
    // the condition semantics, which would skip everything downstream of the first unmet condition.
    const r = random();
    const st: NodeStatus = r < 0.01 ? 'failed' : r < 0.03 ? 'skipped' : 'success';
    const artifactManifest = st === 'success' && random() < 0.2 ? (pool[Math.floor(random() * pool.length)]?.digest ?? null) : null;
    if (artifactManifest) published.set(s.id, artifactManifest);
    const staged: Record<string, string> = {};
    if (st !== 'skipped') {
      for (const need of s.needs) {
        const digest = published.get(need.step);
        if (digest && need.when === 'on_success')
          staged[need.step] = random() < 0.05 ? (pool[(pool.findIndex((m) => m.digest === digest) + 1) % pool.length]?.digest as string) : digest;
      }
    }
    const start = started + s.layer * 12_000 + Math.floor(random() * 4_000);
    return {
      runId,
      nodeId: s.id,
      action: 'run' as const,
      signature: prepared.signatures[workflow]?.[s.id] ?? '',
      needs: s.needs,
      status: st,
      attempt: st === 'skipped' ? 0 : 1,
      startedAt: st === 'skipped' ? null : new Date(start),
      finishedAt: new Date(start + 8_000),
      output: st === 'success' ? { ok: true } : null,
      error: st === 'failed' ? { message: `exit 1 in ${s.id}` } : null,
      artifactManifest,
      stagedManifests: staged,
    };
  });
  const last = Math.max(...rows.map((r) => r.finishedAt.getTime()));
  await db.insert(runs).values({
    id: runId,
    workflow,
    versionId,
    groupPath: 'bench/graph',
    input: { nodes: n },
    phase: 'finished',
    result: rows.some((r) => r.status === 'failed') ? 'failed' : 'success',
    createdAt: new Date(started - 1_000),
    startedAt: new Date(started),
    finishedAt: new Date(last + 500),
    updatedAt: new Date(last + 500),
    lastSeq: 1,
  });
  await insertChunked(rows, 1_000, (chunk) => db.insert(nodes).values(chunk));
  const stagings = rows.flatMap((r) => Object.entries(r.stagedManifests).map(([producerId, digest]) => ({ runId, nodeId: r.nodeId, producerId, digest })));
  await insertChunked(stagings, 2_000, (chunk) => db.insert(stagedArtifacts).values(chunk));
  const edges = rows.reduce((sum, r) => sum + r.needs.length, 0);
  console.log(`  ${n} nodes, ${edges} dependency edges, ${stagings.length} artifact edges → ${runId}`);
  return runId;
}

interface Sample {
  drawnMs: number;
  responseMs: number;
  layoutMs: number;
  workerMs: number;
  engine: string;
  longTasksMs: number;
  maxLongTaskMs: number;
}

/** Loads the run page in a fresh tab and reads the marks the page leaves. */
async function measureLoad(page: Page, url: string): Promise<Sample> {
  await page.goto('about:blank');
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(url);
  const graph = page.locator('[data-testid="run-graph"][data-state="drawn"]');
  await graph.waitFor({ timeout: 60_000 });
  const d = await graph.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return { responseEnd: e.responseEnd, tasks };
  });
  return {
    drawnMs: Number(d.drawnAt),
    responseMs: nav.responseEnd,
    layoutMs: Number(d.layoutMs),
    workerMs: Number(d.workerMs),
    engine: d.engine ?? '?',
    longTasksMs: nav.tasks.reduce((a, b) => a + b, 0),
    maxLongTaskMs: Math.max(0, ...nav.tasks),
  };
}

/** Frame times (ms between animation frames) while `action` runs. */
async function frameTimes(page: Page, action: () => Promise<void>): Promise<number[]> {
  // A string, so the bundler's helpers (tsx names functions with `__name`) never reach the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    function tick(t) {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await action();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

async function measureInteraction(page: Page): Promise<{ pan: number[]; fit: number[]; zoomIn: number[] }> {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no pane');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pan = await frameTimes(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 8, cy - i * 4);
    await page.mouse.up();
  });
  // Whole graph in view (the canvas overview for big graphs), then a click back into readable nodes.
  const fit = await frameTimes(page, async () => {
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(1_000);
  });
  const zoomIn = await frameTimes(page, async () => {
    await page.mouse.click(cx, cy);
    await page.waitForTimeout(1_500);
  });
  return { pan, fit, zoomIn };
}

const dataDir = path.join(ROOT, 'bench/.data', `graph-${Date.now()}`, 'db');
console.log(`seeding ${sizes.join(', ')}-node runs into ${dataDir}…`);
const store = await openDb({ dataDir, migrationsDir: path.join(ROOT, 'drizzle') });
const ids: Record<number, string> = {};
for (const n of sizes) ids[n] = await seedRun(store.db, n);
await store.close();

const server = await startServer({ FLOWDECK_DATA_DIR: dataDir }, Number(args.port));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const results: Record<string, unknown> = {};
try {
  for (const n of sizes) {
    const url = `${server.url}/runs/${ids[n]}`;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await measureLoad(page, url); // warm-up: server caches, compiled chunks
    const runs: Sample[] = [];
    for (let i = 0; i < samples; i++) runs.push(await measureLoad(page, url));
    const interaction = await measureInteraction(page);
    await page.close();
    const med = (pick: (s: Sample) => number) => percentile(runs.map(pick), 50);
    const summary = {
      nodes: n,
      engine: runs[0]?.engine,
      drawnMs: med((s) => s.drawnMs),
      responseMs: med((s) => s.responseMs),
      layoutMs: med((s) => s.layoutMs),
      workerMs: med((s) => s.workerMs),
      longTasksMs: med((s) => s.longTasksMs),
      maxLongTaskMs: med((s) => s.maxLongTaskMs),
      panFrameP50: percentile(interaction.pan, 50),
      panFrameP95: percentile(interaction.pan, 95),
      fitFrameMax: Math.max(...interaction.fit),
      fitFrameP95: percentile(interaction.fit, 95),
      zoomInFrameMax: Math.max(...interaction.zoomIn),
    };
    results[n] = { summary, samples: runs };
    console.log(
      `${n} nodes (${summary.engine}): drawn ${ms(summary.drawnMs)} after navigation (HTML ${ms(summary.responseMs)}, layout ${ms(summary.layoutMs)} of which worker ${ms(summary.workerMs)}); ` +
        `long tasks ${ms(summary.longTasksMs)} (max ${ms(summary.maxLongTaskMs)}); pan frames p50 ${ms(summary.panFrameP50)} p95 ${ms(summary.panFrameP95)}; ` +
        `fit view frames p95 ${ms(summary.fitFrameP95)} max ${ms(summary.fitFrameMax)}; click back in: longest frame ${ms(summary.zoomInFrameMax)}`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
fs.writeFileSync(path.join(ROOT, 'bench/.data/graph-run.json'), JSON.stringify(results, null, 2));

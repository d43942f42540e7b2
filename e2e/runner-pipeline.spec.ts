import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { shortDigest } from '@/lib/domain/digest-format';
import { hookToken, type Manifest } from './fixtures/api';
import { RunnerEnv, sha256File, useRunnerEnv } from './fixtures/runner-env';
import { shootThemes } from './fixtures/screenshots';
import { RunPage } from './pages/run-page';

/**
 * The reference runner end to end, with real processes: two `flowdeck runner` processes execute five runs
 * of examples/release v1 (build → test → package → approve hook → 10 s cool-down → publish) against a
 * server of this spec's own. Some runs wait on the hook and one on the sleep when they are upgraded to v2
 * with resume: the reused steps are not executed again, the hook token handed out on v1 still works, the
 * artifact edges in the graph carry the digests of the bytes on the runners' disks, and v1 — draining —
 * becomes sunset by itself once its last run ends.
 */

const env = new RunnerEnv();
const manifest = (file: string) => JSON.parse(fs.readFileSync(path.join('examples', 'release', file), 'utf8')) as Manifest;
const run = (id: string) => env.api.run(id);
const events = async (id: string) => (await env.api.events(id, { limit: 500 })).items;
const deliver = (token: string, payload: Record<string, string>) => env.api.deliverHook(token, payload);
/** A step's output as the runner reports it. */
const stepResult = (node: { output: unknown } | undefined) => (node?.output as { result: Record<string, unknown> } | undefined)?.result;
const REUSED = ['build', 'test', 'package'];

const shoot = (page: Page, name: string) => shootThemes(page, `${name}`, { fullPage: true });
/** The file a step staged or produced, in whichever runner's work dir holds it. */
function onDisk(runIds: string[], step: string, file: string): string {
  for (const work of fs.readdirSync(env.dir).filter((d) => d.startsWith('work-'))) {
    for (const runId of runIds) {
      const candidate = path.join(env.dir, work, runId, 'steps', step, file);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`no ${step}/${file} of ${runIds.join(' or ')} on any runner's disk`);
}

test.describe('flowdeck runner', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  useRunnerEnv(env);

  test('five release runs: artifacts, hook and sleep, resume upgrade to v2, automatic sunset of v1', async ({ page }) => {
    const v1 = await env.api.createVersion({
      manifest: manifest('v1.json'),
      label: 'release-v1',
      address: `file://${path.resolve('examples/release/v1.json')}`,
    });
    expect(v1.isCurrent).toBe(true); // the first live version of an empty registry
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await env.api.createRun({ workflow: 'release', groupPath: 'e2e/runner', input: { app: 'e2e', version: `1.0.${i}` } })).id);
    }
    await env.runner('r1', ['--capacity', '2', '--lease-seconds', '3']);
    await env.runner('r2', ['--capacity', '2', '--lease-seconds', '3']);

    // build → test → package with real processes, then every run waits on the approval hook.
    await expect
      .poll(async () => (await Promise.all(ids.map(run))).map((r) => r.waiting?.kind ?? r.phase), { timeout: 120_000 })
      .toEqual(Array(5).fill('hook'));
    const before = await Promise.all(ids.map(run));
    const tokens = before.map((r) => hookToken(r) as string);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    const v2 = await env.api.createVersion({
      manifest: manifest('v2.json'),
      label: 'release-v2',
      address: `file://${path.resolve('examples/release/v2.json')}`,
    });
    await env.api.setCurrentVersion(v2.id, { expectedVersion: v2.rowVersion });

    // Approve runs 0 and 1: each runs into the 10 s cool-down sleep.
    await deliver(tokens[0] as string, { approvedBy: 'ada' });
    await deliver(tokens[1] as string, { approvedBy: 'bob' });
    await expect
      .poll(async () => (await Promise.all([run(ids[0] as string), run(ids[1] as string)])).map((r) => r.waiting?.kind), { timeout: 20_000 })
      .toEqual(['sleep', 'sleep']);

    // Upgrade run 1 (asleep) and runs 2, 3 (waiting on the hook) to v2 with resume; run 0 and run 4 stay on v1.
    const successor: Record<string, string> = {};
    for (const i of [1, 2, 3]) {
      const old = await run(ids[i] as string);
      const res = await env.api.upgradeRun(old.id, { targetVersionId: v2.id, strategy: 'resume', expectedVersion: old.rowVersion });
      successor[old.id] = res.newRun?.id as string;
    }
    const v1Now = await env.api.version(v1.id);
    await env.api.sunsetVersion(v1.id, { mode: 'drain', expectedVersion: v1Now.rowVersion });
    expect((await env.api.version(v1.id)).status).toBe('draining');

    // The tokens handed out on v1 still work: they resume the upgraded runs.
    const [s2, s3] = [successor[ids[2] as string] as string, successor[ids[3] as string] as string];
    expect((await deliver(tokens[2] as string, { approvedBy: 'cy' })).runId).toBe(s2);
    expect((await deliver(tokens[3] as string, { approvedBy: 'dee' })).runId).toBe(s3);
    await deliver(tokens[4] as string, { approvedBy: 'eve' });

    const finals = [ids[0], successor[ids[1] as string], s2, s3, ids[4]] as string[];
    await expect
      .poll(async () => (await Promise.all(finals.map(run))).map((r) => `${r.phase}/${r.result}`), { timeout: 120_000 })
      .toEqual(Array(5).fill('finished/success'));
    for (const i of [1, 2, 3])
      expect(await run(ids[i] as string)).toMatchObject({ phase: 'cancelled', result: 'stopped', upgradedTo: successor[ids[i] as string] });

    // v1 was draining while runs were active on it, and is sunset now that the last one ended.
    await expect.poll(async () => (await env.api.version(v1.id)).status, { timeout: 10_000 }).toBe('sunset');

    // Resumed runs reused build, test and package (results and manifests): never executed again.
    for (const [oldId, newId] of Object.entries(successor)) {
      const [old, fresh, log] = await Promise.all([run(oldId), run(newId), events(newId)]);
      for (const step of REUSED) {
        const [o, n] = [old.nodes.find((x) => x.nodeId === step), fresh.nodes.find((x) => x.nodeId === step)];
        expect(n).toMatchObject({ status: 'success', reusedFrom: oldId, artifactManifest: o?.artifactManifest, attempt: 1 });
        expect(log.filter((e) => e.nodeId === step)).toEqual([]);
      }
      expect(env.logs).not.toContain(`${newId} build: started`);
      expect(stepResult(await env.api.runNode(newId, 'publish'))).toMatchObject({ app: 'e2e', channel: 'stable' }); // v2's publish
    }
    const woken = await events(successor[ids[1] as string] as string);
    expect(woken.map((e) => `${e.type}:${e.nodeId ?? ''}`)).toEqual(expect.arrayContaining(['sleep_woken:cool-down', 'node_started:publish']));
    expect(stepResult(await env.api.runNode(ids[0] as string, 'publish'))).not.toHaveProperty('channel'); // v1's publish
    for (const id of finals) {
      const succeeded = (await events(id)).filter((e) => e.type === 'node_succeeded').map((e) => e.nodeId);
      expect(new Set(succeeded).size, `a step of ${id} succeeded twice: ${succeeded.join(', ')}`).toBe(succeeded.length);
    }

    // The graph of a resumed run: artifact edges labelled with manifest digests that list the very bytes on disk.
    const target = await run(s2);
    expect(target.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(['build→package', 'build→test', 'package→publish', 'test→package']);
    const runPage = new RunPage(page);
    await page.setViewportSize({ width: 1400, height: 900 });
    await runPage.page.goto(`${env.url}/runs/${s2}`);
    await runPage.graphDrawn();
    await expect(runPage.artifactLabels).not.toHaveCount(0);
    const shown = new Set(await runPage.artifactLabels.evaluateAll((els) => els.map((el) => el.getAttribute('data-digest'))));
    expect(shown).toEqual(new Set(target.edges.map((e) => e.digest)));
    for (const edge of target.edges) {
      const { entries } = await env.api.manifest(edge.digest);
      expect(entries.length).toBeGreaterThan(0);
      const consumerRun = target.nodes.find((n) => n.nodeId === edge.to)?.reusedFrom ?? s2;
      for (const entry of entries) {
        expect(sha256File(onDisk([consumerRun], edge.to, entry.path)), `${edge.to} staged ${entry.path}`).toBe(entry.digest);
        expect(sha256File(onDisk([ids[2] as string], edge.from, entry.path)), `${edge.from} produced ${entry.path}`).toBe(entry.digest);
      }
    }
    await runPage.graph.scrollIntoViewIfNeeded();
    await shoot(page, 'runner-graph-labels'); // the first steps, labels with digest, file count and size
    await runPage.graph.getByRole('button', { name: 'Fit View' }).click();
    await shoot(page, 'runner-graph'); // every step and artifact edge
    await runPage.openNode('publish');
    await expect(runPage.staging('package')).toContainText(shortDigest(target.edges.find((e) => e.from === 'package')?.digest ?? ''));
    await shoot(page, 'runner-node-publish');
  });
});

import { expect, test } from '@playwright/test';
import type { RunDetail } from '@/lib/contract/runs';
import { hookToken } from './fixtures/api';
import { RunnerEnv, useRunnerEnv } from './fixtures/runner-env';
import { createPostgresDatabase, ensureWorkflowApp, startWorkflowApp, type WorkflowApp } from './fixtures/workflow-app';
import { SyncProcess, worldArgs, worldEventCount, worldRunStatus } from './fixtures/workflow-sync';
import { RunPage } from './pages/run-page';
import { VersionPage } from './pages/version-page';

/**
 * The Workflow SDK connector against the real example app (examples/workflow-sdk): world-local when the
 * suite runs on PGlite, world-postgres (a database of its own on the CI server) when it runs on PostgreSQL.
 * Flowdeck sees the app's runs only through `flowdeck sync workflow`, and acts on them only through it.
 */
const WORLD: 'local' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'local';
const SOURCE = `workflow-${WORLD}` as const;

test.describe
  .serial(`Workflow SDK app on world-${WORLD}`, () => {
    const env = new RunnerEnv();
    useRunnerEnv(env);
    let app: WorkflowApp;
    let dropAppDb: (() => Promise<void>) | null = null;
    const syncs: SyncProcess[] = [];
    const started = { processOrder: [] as string[], brokenFlow: [] as string[], nightlyReport: [] as string[], approvalFlow: [] as string[] };
    const stamp = Date.now().toString(36);

    const follow = (extra: string[]) => {
      const s = new SyncProcess(env.url, [...worldArgs(app), '--manifest', app.manifestPath, '--interval', '250', ...extra]);
      syncs.push(s);
      return s;
    };
    const start = async (workflow: keyof typeof started, args: unknown[]) => {
      const id = await app.startRun(workflow, args);
      started[workflow].push(id);
      return id;
    };
    /** The Flowdeck run of an engine run, once the sync has brought it in. */
    const flowdeckRun = async (externalId: string): Promise<RunDetail> => {
      let found: RunDetail | null = null;
      await expect
        .poll(
          async () => {
            const page = await env.api.runs({ source: SOURCE, limit: 200 });
            for (const item of page.items) {
              const run = await env.api.run(item.id);
              if (run.externalId === externalId) found = run;
            }
            return found !== null;
          },
          { timeout: 15_000, intervals: [250] },
        )
        .toBe(true);
      return found as unknown as RunDetail;
    };
    const runNow = (id: string) => env.api.run(id);
    const knownIds = async () => (await env.api.sourceRuns(SOURCE)).runs.map((r) => r.externalId);

    test.beforeAll(async ({}, info) => {
      info.setTimeout(600_000);
      await ensureWorkflowApp();
      if (WORLD === 'postgres') {
        const db = await createPostgresDatabase(process.env.DATABASE_URL as string);
        dropAppDb = db.drop;
        app = await startWorkflowApp({ world: 'postgres', postgresUrl: db.url });
      } else {
        app = await startWorkflowApp({ world: 'local' });
      }
      await start('processOrder', [`ord_${stamp}_1`]);
      await start('brokenFlow', [1]);
      await start('nightlyReport', ['2026-12-07']);
      await start('approvalFlow', [`${stamp}_a`]);
      await start('approvalFlow', [`${stamp}_b`]);
    });
    test.afterAll(async () => {
      for (const s of syncs) await s.stop();
      await app?.stop();
      await dropAppDb?.();
    });
    test.afterEach(async ({}, info) => {
      if (info.status === info.expectedStatus) return;
      await info.attach('sync and app logs', { body: [...syncs.map((s) => s.log), app.log()].join('\n---\n'), contentType: 'text/plain' });
    });

    test('imports the app’s runs, then shows a new run within 2 s', async ({ page }) => {
      const once = await env.cli(['sync', 'workflow', ...worldArgs(app), '--manifest', app.manifestPath, '--version', 'v1', '--once']);
      expect(once).toMatch(/runs\s+5 imported/);
      await follow(['--version', 'v1']).following();
      const fresh = await start('processOrder', [`ord_${stamp}_2`]);
      await expect.poll(knownIds, { timeout: 2_000, intervals: [100] }).toContain(fresh);

      await page.goto(`${env.url}/runs?source=${SOURCE}`);
      await expect(page.getByTestId('run-row')).toHaveCount(6);
      await expect(page.getByTestId('run-row').getByTestId('run-source').first()).toHaveText(`Workflow SDK · ${WORLD}`);
      await page.screenshot({ path: `test-results/screenshots/workflow-sdk-runs-${WORLD}.png`, fullPage: true });
    });

    test('a run’s page shows its steps, the SDK’s events and its decoded input and output', async ({ page }) => {
      const imported = await flowdeckRun(started.processOrder[0]!);
      await expect.poll(async () => (await runNow(imported.id)).result, { timeout: 20_000 }).toBe('success');
      const run = await runNow(imported.id);
      expect(run.nodes.find((n) => n.nodeId === 'chargeCard')).toMatchObject({ status: 'success', attempt: 2 });
      // What reserveStock wrote to the run's stream is that step's log, after a note on how it was attached.
      await expect
        .poll(async () => (await env.api.logPage(run.id, 'reserveStock')).lines.map((l) => l.text), { timeout: 10_000 })
        .toEqual([expect.stringContaining('Workflow SDK stream'), 'reserved 3 × apple', 'reserved 2 × pear']);

      const view = new RunPage(page);
      await page.goto(`${env.url}/runs/${run.id}`);
      await expect(view.heading).toHaveText('processOrder');
      await expect(page.getByTestId('run-source')).toHaveText(`Workflow SDK · ${WORLD}`);
      await expect(page.getByTestId('run-external-id')).toHaveText(started.processOrder[0]!);
      await expect(view.graphNodes.filter({ hasText: 'chargeCard' })).toHaveCount(1);
      await page.screenshot({ path: `test-results/screenshots/workflow-sdk-run-${WORLD}.png`, fullPage: true });
      await page.getByRole('tab', { name: /^Events/ }).click();
      await expect(view.eventRows.filter({ hasText: 'step_retrying' })).toHaveCount(1);
      await expect(view.eventRows.filter({ hasText: 'run_completed' }).first()).toBeVisible();
      await page.getByRole('tab', { name: /^Input/ }).click();
      await expect(view.jsonViewers.first()).toContainText(`ord_${stamp}_1`);
      await expect(page.getByText('chargeId').first()).toBeVisible();
      await expect(page.getByText('ZGV2b')).toHaveCount(0); // never the raw base64 of the SDK's bytes
    });

    test('a new build is a new version; the old one’s drain report counts the sleep and the hooks, and a safe sunset is refused', async ({ page }) => {
      for (const s of syncs) await s.stop();
      await follow(['--version', 'v2']).following();
      const onV2 = await flowdeckRun(await start('processOrder', [`ord_${stamp}_3`]));
      const nightly = await flowdeckRun(started.nightlyReport[0]!);
      expect(nightly.versionId).not.toBe(onV2.versionId);
      expect(nightly.waiting).toMatchObject({ kind: 'sleep' });

      // The processOrder runs on v1 end by themselves; what stays is the sleep and the two hooks.
      await expect.poll(async () => (await env.api.drainReport(nightly.versionId)).total, { timeout: 20_000 }).toBe(3);
      const version = new VersionPage(page);
      await page.goto(`${env.url}/versions/${nightly.versionId}?tab=drain`);
      await expect(version.view).toBeVisible();
      await expect(version.heading).toHaveText('v1');
      await expect(page.getByTestId('version-source')).toHaveText(`Workflow SDK · ${WORLD}`);
      await expect(version.drainCount('sleeping')).toContainText('1');
      await expect(version.drainCount('hook')).toContainText('2');
      await version.action('Sunset').click();
      const dialog = version.dialog(/^Sunset v1/);
      await dialog.getByRole('button', { name: 'Sunset', exact: true }).click();
      await expect(dialog.getByTestId('sunset-refused')).toContainText('Refused: 3 active runs');
      await page.screenshot({ path: `test-results/screenshots/workflow-sdk-sunset-refused-${WORLD}.png`, fullPage: true });
    });

    test('cancel from Flowdeck cancels the run in the app', async ({ page }) => {
      const nightly = await flowdeckRun(started.nightlyReport[0]!);
      await page.goto(`${env.url}/runs/${nightly.id}`);
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel run' }).click();
      await expect(page.getByTestId('run-phase')).toHaveText('Cancelled', { timeout: 15_000 });
      expect(await worldRunStatus(app, started.nightlyReport[0]!)).toBe('cancelled');
    });

    test('deliver a hook from Flowdeck: the waiting run resumes in the app and finishes', async ({ page }) => {
      const approval = await flowdeckRun(started.approvalFlow[0]!);
      await page.goto(`${env.url}/runs/${approval.id}`);
      await page.getByTestId('deliver-hook').click();
      await page.getByLabel('Payload (JSON, optional)').fill('{ "approved": true, "by": "ops" }');
      await page.getByTestId('deliver-hook-confirm').click();
      await expect(page.getByTestId('run-phase')).toHaveText('Finished', { timeout: 20_000 });
      await expect.poll(() => worldRunStatus(app, started.approvalFlow[0]!), { timeout: 10_000 }).toBe('completed');
      await page.getByRole('tab', { name: /^Input/ }).click();
      await expect(page.getByText('"ops"').first()).toBeVisible();
    });

    test('restart-upgrade a run onto the new version: the app starts a new run with the same input, linked to the old', async ({ page }) => {
      const old = await flowdeckRun(started.approvalFlow[1]!);
      await page.goto(`${env.url}/runs/${old.id}`);
      await page.getByRole('button', { name: 'Upgrade…' }).click();
      const dialog = page.getByTestId('run-upgrade-dialog');
      await expect(dialog.getByTestId('engine-strategies-note')).toContainText('Resume and partial resume are not offered');
      await expect(dialog.getByRole('radio')).toHaveCount(1);
      await expect(dialog.getByTestId('report-note')).toContainText('input cannot be checked');
      await page.screenshot({ path: `test-results/screenshots/workflow-sdk-upgrade-${WORLD}.png`, fullPage: true });
      await dialog.getByRole('button', { name: 'Upgrade run' }).click();
      await expect(dialog.getByTestId('run-upgrade-handed-over')).toBeVisible();
      await expect.poll(async () => (await runNow(old.id)).upgradedTo, { timeout: 20_000 }).not.toBeNull();
      const linked = await runNow(old.id);
      const successor = await runNow(linked.upgradedTo as string);
      expect(successor.versionId).not.toBe(old.versionId);
      // Same input, so the new run waits on the same hook once the app has run it that far.
      await expect.poll(async () => hookToken(await runNow(successor.id)), { timeout: 20_000 }).toBe(`approval-${stamp}_b`);
      await expect.poll(async () => (await runNow(old.id)).phase, { timeout: 15_000 }).toBe('cancelled');
      started.approvalFlow.push(successor.externalId as string);
    });

    test('kill -9 of the sync mid-import, then a restart: every run once, every event once', async ({}, info) => {
      info.setTimeout(180_000);
      for (const s of syncs) await s.stop();
      for (let i = 0; i < 30; i++) await start('brokenFlow', [100 + i]);
      const slow = new SyncProcess(env.url, [...worldArgs(app), '--version', 'v2', '--batch', '1']);
      syncs.push(slow);
      const before = (await knownIds()).length;
      await expect.poll(async () => (await knownIds()).length, { timeout: 30_000, intervals: [50] }).toBeGreaterThan(before + 2);
      await slow.kill9();
      expect((await knownIds()).length, 'the kill came mid-import').toBeLessThan(before + 30);

      const again = await env.cli(['sync', 'workflow', ...worldArgs(app), '--version', 'v2', '--once']);
      expect(again).toMatch(/runs\s+\d+ imported/);
      const ids = await knownIds();
      const all = Object.values(started).flat();
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...new Set(all)].sort());
      const counts = await env.api.runCounts({ source: SOURCE });
      expect(counts.total).toBe(all.length);
      for (const externalId of started.brokenFlow.slice(-3)) {
        const run = await flowdeckRun(externalId);
        const log = await env.api.events(run.id, { limit: 500 });
        expect(log.items.length).toBe(await worldEventCount(app, externalId));
      }
    });
  });

import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { routes } from '@/lib/routes';
import { RunnerEnv, useRunnerEnv } from './fixtures/runner-env';
import { shootThemes } from './fixtures/screenshots';
import { LogViewer } from './pages/log-viewer';
import { RunPage } from './pages/run-page';

/**
 * Step logs end to end with a real `flowdeck runner`: a step prints 2,000 numbered lines to stdout (a
 * hundred every 0.15 s, so about three seconds) and a marker to stderr; the run's Logs tab tails it live,
 * then holds every line in order, and finds line 1234. A failing step's error and last lines show in the
 * run's header, linking to its log.
 */

const env = new RunnerEnv();
/** Lines `from`..`to`, a hundred every 0.1 s. */
const print = (from: number, to: number) =>
  `i=${from}; while [ $i -le ${to} ]; do echo "line $i"; if [ $((i % 100)) -eq 0 ]; then sleep 0.1; fi; i=$((i+1)); done`;
/** Waits (at most 40 s) for the spec to create `file`. */
const gate = (file: string) => `n=0; while [ ! -f '${file}' ] && [ $n -lt 400 ]; do sleep 0.1; n=$((n+1)); done`;
const FAIL = 'echo "preparing release"; echo "connecting to db-7 on 5432"; echo "Error: connection refused (db-7:5432)" >&2; exit 3';

const shoot = (page: Page, name: string) => shootThemes(page, `logs-${name}`);
test.describe('step logs with a real runner', () => {
  test.describe.configure({ mode: 'serial', timeout: 60_000 });
  useRunnerEnv(env);

  test('the live tail receives lines while the step runs; the finished log holds all 2,000 in order and the marker; find line 1234', async ({ page }) => {
    const [gate1, gate2] = [path.join(env.dir, 'gate-1'), path.join(env.dir, 'gate-2')];
    const count = [print(1, 1000), gate(gate1), print(1001, 2000), gate(gate2), 'echo "MARKER on stderr" >&2'].join('; ');
    await env.api.createVersion({
      manifest: {
        workflows: {
          count: { input: { type: 'object' }, steps: [{ id: 'count', run: count }] },
          broken: { input: { type: 'object' }, steps: [{ id: 'migrate', run: FAIL }] },
        },
      },
      label: 'logs-e2e',
      address: 'https://e2e.example/logs',
    });
    const { id: runId } = await env.api.createRun({ workflow: 'count', groupPath: 'e2e/logs', input: {} });
    await page.goto(`${env.url}${routes.run(runId, { tab: 'logs', node: 'count' })}`);
    await env.runner('r1');
    const log = new LogViewer(page);

    // Live: lines arrive and the viewer follows the end while the step runs.
    await expect(log.live).toBeVisible({ timeout: 20_000 });
    const counted = async () => Number(await log.list.getAttribute('data-total'));
    await expect.poll(counted, { timeout: 15_000 }).toBe(1000);
    await expect.poll(() => log.atEnd()).toBe(true);
    await expect(log.live).toContainText('following');
    expect((await env.api.run(runId)).nodes[0]?.status).toBe('running');
    await shoot(page, 'live');

    // Scrolling up pauses following: the next lines arrive without moving the view; Jump to latest resumes.
    await log.list.hover();
    await page.mouse.wheel(0, -4000);
    await expect(log.live).toContainText('paused');
    await expect(log.line(1000)).toHaveCount(0);
    fs.writeFileSync(gate1, '');
    await expect.poll(counted, { timeout: 15_000 }).toBe(2000);
    expect(await log.atEnd()).toBe(false);
    await shoot(page, 'live-paused');
    await log.jumpToLatest.click();
    await expect(log.live).toContainText('following');
    await expect(log.line(2000)).toBeVisible();
    fs.writeFileSync(gate2, '');

    // Finished: every line in order, the marker on stderr last.
    await expect(log.live).toBeHidden({ timeout: 30_000 });
    await expect.poll(counted).toBe(2001);
    const page1 = await env.api.logPage(runId, 'count', { limit: 2001 });
    expect(page1.lines.map((l) => l.text)).toEqual([...Array.from({ length: 2000 }, (_, i) => `line ${i + 1}`), 'MARKER on stderr']);
    expect(page1.lines.at(-1)?.stream).toBe('stderr');
    await expect(log.line(2001)).toHaveAttribute('data-stream', 'stderr');
    await expect(log.line(2001)).toContainText('MARKER on stderr');

    await log.find.fill('line 1234');
    await expect(log.matchCount).toHaveText('1/1');
    await expect(log.line(1234)).toBeVisible();
    await expect(log.currentMatch).toHaveText('line 1234');
    await shoot(page, 'finished-find');
  });

  test("a failing step: the run's header shows its error and its last log lines, linking to its log", async ({ page }) => {
    const { id: runId } = await env.api.createRun({ workflow: 'broken', groupPath: 'e2e/logs', input: {} });
    await expect.poll(async () => (await env.api.run(runId)).result, { timeout: 30_000 }).toBe('failed');
    // The step's last batch of output may land just after the run finished.
    await expect.poll(async () => (await env.api.run(runId)).failure?.lastLines.length, { timeout: 5_000 }).toBe(3);
    await page.goto(`${env.url}${routes.run(runId)}`);
    const run = new RunPage(page);
    const failure = page.getByTestId('run-failure');
    await expect(failure).toContainText('Failed at step migrate');
    await expect(page.getByTestId('run-failure-message')).toContainText(/exit|3/i);
    await expect(page.getByTestId('run-failure-lines')).toContainText('Error: connection refused (db-7:5432)');
    await expect(page.getByTestId('run-failure-lines')).toContainText('connecting to db-7 on 5432');
    await shoot(page, 'failed-header');
    await page.getByTestId('run-failure-log-link').click();
    await expect(run.tabList.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
    await expect(new LogViewer(page).line(3)).toContainText('Error: connection refused');

    // The runs list shows the one-line reason under the status, the whole text on hover.
    await page.goto(`${env.url}${routes.runs()}`);
    const reason = page.getByTestId('run-failure-reason').first();
    await expect(reason).toBeVisible();
    expect(await reason.getAttribute('title')).toBeTruthy();
  });
});

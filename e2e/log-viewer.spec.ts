import { expect, type Page, test } from '@playwright/test';
import { routes } from '@/lib/routes';
import { FlowdeckApi } from './fixtures/api';
import { COMPILE_LINES, type LogRun, seedFailedLogRun, seedLogRun } from './fixtures/log-run';
import { shootThemes } from './fixtures/screenshots';
import { LogViewer } from './pages/log-viewer';

const shoot = (page: Page, name: string) => shootThemes(page, `logs-${name}`);
test.describe('log viewer', () => {
  test.describe.configure({ timeout: 90_000 });
  let seeded: LogRun;

  test.beforeAll(async ({ request }) => {
    seeded = await seedLogRun(FlowdeckApi.of(request));
  });

  test('a finished log: lines in order, colours, stderr marked, times, wrap, find with next/previous, download', async ({ page, request }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(routes.run(seeded.runId, { tab: 'logs', node: 'compile' }));
    const log = new LogViewer(page);
    await expect(log.line(1)).toContainText('compile line 1');
    // The first lines come with the page (server-rendered) and hydrate without a mismatch.
    await expect(log.count).toContainText('3,000 lines');
    expect(errors).toEqual([]);
    await expect(log.count).toContainText('3,000 lines');
    await expect(log.line(7).locator('.ansi-red-fg')).toHaveText('error');
    await expect(log.line(7).locator('.ansi-green-fg')).toHaveText('green');
    await expect(log.line(7)).not.toContainText('[1;31m');
    await shoot(page, 'finished');

    await log.timeToggle.click();
    await expect(log.timeToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(log.line(1)).toContainText(/\d\d:\d\d:\d\d\.\d{3}/);
    await log.wrapToggle.click();
    const wrapped = await log.line(12).boundingBox();
    expect(wrapped?.height ?? 0).toBeGreaterThan(30);
    await shoot(page, 'time-wrap');

    await log.find.fill('line 1234');
    await expect(log.matchCount).toHaveText('1/1');
    await expect(log.currentMatch).toHaveText('line 1234');
    await expect(log.line(1234)).toBeVisible();
    await log.find.fill('slow module');
    await expect(log.matchCount).toHaveText(`1/${COMPILE_LINES / 500}`);
    await log.find.press('Enter');
    await expect(log.matchCount).toHaveText(`2/${COMPILE_LINES / 500}`);
    await expect(log.line(1000)).toHaveAttribute('data-stream', 'stderr');
    await expect(log.line(1000)).toContainText('err');
    await log.previousMatch.click();
    await log.previousMatch.click();
    await expect(log.matchCount).toHaveText(`${COMPILE_LINES / 500}/${COMPILE_LINES / 500}`);
    await expect(log.line(COMPILE_LINES)).toBeVisible();
    await shoot(page, 'search');
    await log.find.fill('absent words');
    await expect(log.matchCount).toHaveText('No matches');

    const href = await log.download.getAttribute('href');
    expect(href).toContain('format=text');
    const text = await request.get(href as string);
    expect(text.headers()['content-disposition']).toContain('attachment');
    const body = await text.text();
    expect(body.split('\n')[0]).toBe('compile line 1');
    expect(body).toContain(`compile line ${COMPILE_LINES - 1}`);
  });

  test('attempts, a cut log and the empty states', async ({ page }) => {
    await page.goto(routes.run(seeded.runId, { tab: 'logs', node: 'unit-test' }));
    const log = new LogViewer(page);
    await expect(log.attempt).toHaveValue('2');
    await expect(log.line(2)).toContainText('second attempt');
    await log.attempt.selectOption('1');
    await expect(log.line(2)).toContainText('FAILED (first attempt)');
    await shoot(page, 'attempts');

    await log.step('huge').click();
    await expect(page).toHaveURL(/node=huge/);
    await expect(log.cut).toContainText("1,250,000 lines / 3.0 MiB cut past the log's size bound. The first 40 lines");
    await shoot(page, 'cut');

    await log.step('quiet').click();
    await expect(log.empty).toContainText('No output');
    await shoot(page, 'empty-quiet');
    await log.step('wait').click();
    await expect(log.empty).toContainText('This step writes no log');
    await shoot(page, 'empty-sleep');
    await log.step('notify').click();
    await expect(log.empty).toContainText('has not started');
  });

  test('the Logs tab opens on the active step; the node panel has a Logs section', async ({ page }) => {
    await page.goto(routes.run(seeded.runId, { tab: 'logs' }));
    const log = new LogViewer(page);
    await expect(log.step('deploy')).toHaveAttribute('aria-current', 'true');
    await expect(log.line(2)).toContainText('waiting for pods 0/3');

    await page.goto(routes.run(seeded.runId, { node: 'compile' }));
    const panel = new LogViewer(page, page.getByTestId('node-logs'));
    await expect(panel.line(1)).toContainText('compile line 1');
    await shoot(page, 'node-panel');
    await page.getByRole('link', { name: "Open in the run's Logs tab" }).click();
    await expect(page).toHaveURL(/tab=logs&node=compile/);
    await expect(new LogViewer(page).line(1)).toContainText('compile line 1');
  });

  test('a deep link opens on its line; a failed page load says so', async ({ page }) => {
    await page.goto(routes.run(seeded.runId, { tab: 'logs', node: 'compile', attempt: 1, line: 2500 }));
    const log = new LogViewer(page);
    await expect(log.line(2500)).toBeVisible();
    await expect(log.line(1)).toHaveCount(0);

    await page.route('**/api/v1/runs/*/nodes/huge/logs?*', (route) =>
      route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'The store is busy.' } } }),
    );
    // The server seeds the log a page opens on; another step's log is read by the browser.
    await page.goto(routes.run(seeded.runId, { tab: 'logs', node: 'compile' }));
    await log.step('huge').click();
    await expect(log.error).toContainText('Could not load the log: The store is busy.');
    await shoot(page, 'error');
  });

  test('a failed run says why in its header and in the runs list', async ({ page, request }) => {
    const failed = await seedFailedLogRun(FlowdeckApi.of(request));
    await page.goto(routes.run(failed.runId));
    await expect(page.getByTestId('run-failure')).toContainText('Failed at step compile');
    await expect(page.getByTestId('run-failure-message')).toHaveText(failed.message);
    await expect(page.getByTestId('run-failure-lines')).toContainText('readiness probe failed: HTTP 503');
    await shoot(page, 'failed-header');
    await page.getByTestId('run-failure-log-link').click();
    await expect(page).toHaveURL(/tab=logs&node=compile/);
    await expect(new LogViewer(page).line(31)).toContainText('readiness probe failed');

    await page.goto(routes.runs({ workflow: failed.workflow }));
    const reason = page.getByTestId('run-failure-reason').first();
    await expect(reason).toContainText('UPGRADE FAILED');
    await expect(reason).toHaveAttribute('title', /readiness probe/);
    await shoot(page, 'runs-list');
  });

  test('find runs by their logs: results link to the matching line', async ({ page }) => {
    await page.goto(routes.runs());
    await page.getByTestId('search-logs-link').click();
    await expect(page).toHaveURL(/\/logs/);
    await expect(page.getByTestId('empty-state')).toContainText('Find runs by what their steps printed');
    await shoot(page, 'search-page-empty');
    await page.getByRole('searchbox', { name: 'Logs contain' }).fill(seeded.marker);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.getByTestId('log-search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('compile');
    await expect(hit.locator('mark')).toHaveText(seeded.marker);
    await shoot(page, 'search-page-results');
    await hit.getByRole('link').click();
    await expect(page).toHaveURL(/tab=logs&node=compile&attempt=1&line=7/);
    await expect(new LogViewer(page).line(7)).toContainText(seeded.marker);

    await page.goto(routes.logSearch({ q: 'zz-no-such-words' }));
    await expect(page.getByTestId('empty-state')).toContainText("No run's logs contain these words");
  });
});

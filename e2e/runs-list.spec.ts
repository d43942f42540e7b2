import { expect, test } from '@playwright/test';
import { FlowdeckApi, nonce } from './fixtures/api';
import { RunsPage } from './pages/runs-page';

const SCREENSHOTS = 'test-results/screenshots';

/** A new queued run, on a version of its own, made like an engine would. */
async function createQueuedRun(api: FlowdeckApi): Promise<string> {
  const n = nonce();
  const version = await api.createVersion({
    manifest: { workflows: { 'e2e-live': { input: { type: 'object' }, steps: [{ id: 'work', run: 'make work' }] } } },
    label: `e2e-live-${n}`,
    address: `https://e2e.example/${n}`,
  });
  const run = await api.createRun({ workflow: 'e2e-live', versionId: version.id, groupPath: 'e2e/live/refresh', input: {} });
  expect(run.phase).toBe('queued');
  return run.id;
}

test.describe('runs list', () => {
  // Each test navigates many times through server-rendered pages: give slow machines room.
  test.describe.configure({ timeout: 60_000 });

  test('first paint is server-rendered, hydrates cleanly, in light and dark', async ({ page }) => {
    // Without JavaScript the first page is already there: rendered on the server.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await page.goto('/runs');
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    await page.unroute('**/_next/static/**/*.js');

    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));

    const runs = new RunsPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await runs.goto();
    await expect(runs.heading).toHaveText('Runs');
    await expect(runs.rows.first()).toBeVisible();
    await expect(runs.loaded).toHaveText(/^Showing 50 of [\d,]+ runs$/);
    await expect(runs.chip('All')).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: `${SCREENSHOTS}/runs-light.png` });

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await page.screenshot({ path: `${SCREENSHOTS}/runs-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(errors, 'no page or console errors').toEqual([]);
  });

  test('phase chips show the counts of the API and toggle the phase filter', async ({ page, request }) => {
    const counts = await FlowdeckApi.of(request).runCounts();
    const runs = new RunsPage(page);
    await runs.goto();
    expect(await runs.chipCount('All')).toBe(counts.total);
    expect(await runs.chipCount('Running')).toBe(counts.byPhase.running);
    expect(await runs.chipCount('Finished')).toBe(counts.byPhase.finished);

    await runs.chip('Running').click();
    await expect(page).toHaveURL(/[?&]phase=running$/);
    await expect(runs.chip('Running')).toHaveAttribute('aria-pressed', 'true');
    await expect(runs.chip('All')).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => runs.renderedAttr('data-phase')).toEqual(expect.arrayContaining(['running']));
    expect(new Set(await runs.renderedAttr('data-phase'))).toEqual(new Set(['running']));

    await runs.chip('Paused').click();
    await expect.poll(() => runs.params().get('phase')).toBe('running,paused');
    await expect(runs.loaded).toContainText(`of ${counts.byPhase.running! + counts.byPhase.paused!}`);
    expect(new Set(await runs.renderedAttr('data-phase'))).toEqual(new Set(['running', 'paused']));

    await runs.chip('All').click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(runs.chip('All')).toHaveAttribute('aria-pressed', 'true');
  });

  test('every filter works from the URL', async ({ page, request }) => {
    const runs = new RunsPage(page);
    const api = FlowdeckApi.of(request);
    const facets = await api.runFacets();
    const sample = (await api.runs({ limit: 20 })).items;

    await runs.goto({ phase: ['queued', 'running'] });
    expect(new Set(await runs.renderedAttr('data-phase'))).toEqual(new Set(['running', 'queued']));

    await runs.goto({ result: 'failed' });
    for (const s of await runs.rows.getByTestId('run-status').all()) await expect(s).toHaveAttribute('data-result', 'failed');

    await runs.goto({ workflow: 'deploy' });
    await expect(runs.workflowSelect).toHaveValue('deploy');
    expect(new Set(await runs.columnTexts(3))).toEqual(new Set(['deploy']));

    const version = facets.versions.find((v) => v.isCurrent)!.id;
    await runs.goto({ version });
    await expect(runs.versionSelect).toHaveValue(version);
    expect(new Set(await runs.columnTexts(5))).toEqual(new Set([version]));

    const group = sample[0]!.groupPath.split('/').slice(0, 2).join('/');
    await runs.goto({ group });
    await expect(runs.groupInput).toHaveValue(group);
    for (const g of await runs.columnTexts(4)) expect(g.startsWith(`${group}/`) || g === group).toBe(true);

    const target = sample[7]!.id;
    await runs.goto({ q: target.slice(0, 18).toLowerCase() });
    await expect(runs.search).toHaveValue(target.slice(0, 18).toLowerCase());
    expect(await runs.renderedRunIds()).toContain(target);
    for (const id of await runs.renderedRunIds()) expect(id.startsWith(target.slice(0, 18))).toBe(true);

    const to = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const from = new Date(Date.now() - 3 * 24 * 3_600_000).toISOString();
    await runs.goto({ from, to });
    await expect(runs.createdFilter).toContainText('–');
    const times = await runs.createdTimes();
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t >= from && t <= to, `${t} in ${from} … ${to}`).toBe(true);

    // A hand-edited link with a bad value still opens, without that filter.
    await runs.goto({ phase: 'bogus', workflow: 'deploy' });
    await expect(runs.workflowSelect).toHaveValue('deploy');
    await expect(runs.chip('All')).toHaveAttribute('aria-pressed', 'true');
  });

  test('result, workflow and version work through the UI, and back undoes a choice', async ({ page, request }) => {
    const runs = new RunsPage(page);
    const facets = await FlowdeckApi.of(request).runFacets();
    await runs.goto();

    await runs.resultFilter.click();
    await runs.panel('Result').getByRole('checkbox', { name: 'Failed' }).check();
    await expect.poll(() => runs.params().get('result')).toBe('failed');
    await expect(runs.resultFilter).toContainText('Failed');
    await page.keyboard.press('Escape');
    await expect(runs.panel('Result')).toBeHidden();
    for (const s of await runs.rows.getByTestId('run-status').all()) await expect(s).toHaveAttribute('data-result', 'failed');

    await runs.workflowSelect.selectOption('deploy');
    await expect.poll(() => runs.params().get('workflow')).toBe('deploy');
    await expect.poll(async () => new Set(await runs.columnTexts(3))).toEqual(new Set(['deploy']));
    await expect(runs.loaded).toBeVisible();

    // Back undoes the last choice; the select follows the URL.
    await page.goBack();
    await expect.poll(() => runs.params().get('workflow')).toBeNull();
    await expect(runs.workflowSelect).toHaveValue('');
    await expect.poll(() => runs.params().get('result')).toBe('failed');

    await runs.clearFilters.click();
    await expect(page).toHaveURL(/\/runs$/);

    const version = facets.versions.find((v) => v.isCurrent)!.id;
    await runs.versionSelect.selectOption(version);
    await expect.poll(() => runs.params().get('version')).toBe(version);
    await runs.clearFilters.click();
    await expect(page).toHaveURL(/\/runs$/);
  });

  test('group prefix, time range and id search work through the UI', async ({ page, request }) => {
    const runs = new RunsPage(page);
    const sample = (await FlowdeckApi.of(request).runs({ limit: 10 })).items;
    await runs.goto();

    const group = sample[0]!.groupPath.split('/').slice(0, 2).join('/');
    await runs.groupInput.fill(`${group}/`);
    await expect.poll(() => runs.params().get('group')).toBe(group);
    await expect.poll(async () => (await runs.columnTexts(4)).every((g) => g.startsWith(`${group}/`))).toBe(true);
    await runs.clearFilters.click();
    await expect(runs.groupInput).toHaveValue('');

    await runs.createdFilter.click();
    await runs.panel('Created').getByRole('button', { name: 'Last 24 hours' }).click();
    await expect.poll(() => runs.params().get('from')).not.toBeNull();
    await expect(runs.createdFilter).toContainText('Since');
    const since = runs.params().get('from')!;
    for (const t of await runs.createdTimes()) expect(t >= since).toBe(true);
    await runs.clearFilters.click();
    await expect(page).toHaveURL(/\/runs$/);

    const target = sample[3]!.id;
    await runs.search.fill(target.slice(0, 20));
    await expect.poll(() => runs.params().get('q')).toBe(target.slice(0, 20));
    await expect(runs.row(target)).toBeVisible();
    await runs.search.fill(target);
    await expect.poll(() => runs.renderedRunIds()).toEqual([target]);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page).toHaveURL(/\/runs$/);
  });

  test('pages past the first page with Load more, newest first without repeats', async ({ page }) => {
    const runs = new RunsPage(page);
    await runs.goto();
    await expect(runs.loaded).toHaveText(/^Showing 50 of /);
    const firstPage = await runs.renderedRunIds();
    await runs.loadMore.scrollIntoViewIfNeeded();
    await runs.loadMore.click();
    await expect(runs.loaded).not.toContainText('Showing 50 ');
    await expect
      .poll(async () => Number(((await runs.loaded.textContent()) ?? '').match(/Showing ([\d,]+)/)?.[1]?.replace(',', '')))
      .toBeGreaterThanOrEqual(100);

    // Near the end of what is loaded, rows of the second page are rendered, older than the first page.
    const ids = await runs.renderedRunIds();
    expect(new Set(ids).size).toBe(ids.length);
    const indexes = (await runs.renderedAttr('data-index')).map(Number);
    expect(Math.max(...indexes)).toBeGreaterThanOrEqual(50);
    const sorted = [...ids].sort().reverse();
    expect(ids).toEqual(sorted);
    expect(ids.at(-1)! < firstPage.at(-1)!).toBe(true);
  });

  test('an active run changes phase on screen without a reload, and polling stops once it ends', async ({ page, request }) => {
    const api = FlowdeckApi.of(request);
    const runId = await createQueuedRun(api);
    const runs = new RunsPage(page);
    await runs.goto({ q: runId });
    const row = runs.row(runId);
    await expect(runs.status(row)).toHaveAttribute('data-phase', 'queued');
    await expect(runs.freshness).toHaveAttribute('data-live', 'true');
    await expect(runs.freshness).toContainText(/updated (just now|\d+s ago)/);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await api.appendEvents(runId, [{ type: 'run_started', at: new Date().toISOString() }]);
    await expect(runs.status(row)).toHaveAttribute('data-phase', 'running', { timeout: 10_000 });
    await expect(runs.status(row)).toContainText('Running');

    await api.appendEvents(runId, [{ type: 'run_cancelled', at: new Date().toISOString(), reason: 'e2e' }]);
    await expect(runs.status(row)).toHaveAttribute('data-phase', 'cancelled', { timeout: 10_000 });
    await expect(runs.freshness).not.toHaveAttribute('data-live');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // Everything on screen is terminal: no refresh traffic.
    const polls: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v1/runs') && polls.push(r.url()));
    await page.waitForTimeout(6_000);
    expect(polls).toEqual([]);
  });

  test('j/k and arrows move the highlight, Enter opens the run, / focuses search', async ({ page }) => {
    const runs = new RunsPage(page);
    await runs.goto();
    const ids = await runs.renderedRunIds();
    await expect(runs.highlightedRow).toHaveCount(0);

    await page.keyboard.press('j');
    await expect(runs.highlightedRow).toHaveAttribute('data-run-id', ids[0]!);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(runs.highlightedRow).toHaveAttribute('data-run-id', ids[2]!);
    await page.keyboard.press('k');
    await expect(runs.highlightedRow).toHaveAttribute('data-run-id', ids[1]!);
    await page.keyboard.press('ArrowDown');
    await expect(runs.highlightedRow).toHaveAttribute('data-run-id', ids[2]!);
    await page.keyboard.press('ArrowUp');
    await expect(runs.highlightedRow).toHaveAttribute('data-run-id', ids[1]!);

    // Far down the list the highlighted row is scrolled into view.
    for (let i = 0; i < 20; i++) await page.keyboard.press('j');
    await expect(runs.highlightedRow).toBeInViewport();

    // `/` focuses the search without typing itself; Escape leaves it and the keys work again.
    await page.keyboard.press('/');
    await expect(runs.search).toBeFocused();
    await expect(runs.search).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(runs.search).not.toBeFocused();

    await page.keyboard.press('k');
    const target = await runs.highlightedRow.getAttribute('data-run-id');
    await page.screenshot({ path: `${SCREENSHOTS}/runs-keyboard.png` });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/runs/${target}$`));
  });

  test('no match shows an empty state that clears the filters', async ({ page }) => {
    const runs = new RunsPage(page);
    await runs.goto({ q: 'run_0000000000' });
    await expect(runs.emptyState).toContainText('No runs match these filters');
    await expect(runs.rows).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/runs-empty.png` });
    await runs.emptyState.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(runs.rows.first()).toBeVisible();
  });

  test('a failed refresh shows an inline error and keeps the rows', async ({ page }) => {
    const runs = new RunsPage(page);
    await runs.goto({ phase: 'finished' });
    const before = await runs.renderedRunIds();
    // The API failing is a state the store cannot be put in: mock it.
    const listApi = (url: URL) => url.pathname === '/api/v1/runs';
    await page.route(listApi, (route) => route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'internal server error' } } }));
    await runs.refreshButton.click();
    await expect(runs.queryError).toContainText('Could not refresh the runs', { timeout: 20_000 });
    // The rows stay (the banner above them may shift which rows are near the viewport).
    expect(await runs.renderedRunIds()).toEqual(expect.arrayContaining(before.slice(0, 10)));
    await page.screenshot({ path: `${SCREENSHOTS}/runs-error.png` });
    await page.unroute(listApi);
    await runs.queryError.getByRole('button', { name: 'Retry' }).click();
    await expect(runs.queryError).toBeHidden();
  });

  test('filter panel and dark theme screenshot', async ({ page }) => {
    const runs = new RunsPage(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await runs.goto({ phase: ['running', 'paused'], workflow: 'deploy' });
    await runs.createdFilter.click();
    await expect(runs.panel('Created')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/runs-filters-dark.png` });
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    await runs.resultFilter.click();
    await page.screenshot({ path: `${SCREENSHOTS}/runs-filters-light.png` });
  });
});

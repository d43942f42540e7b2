import { expect, type Page, test } from '@playwright/test';
import { routes } from '@/lib/routes';
import { FlowdeckApi, nonce, secondsAfter } from './fixtures/api';
import { type ArtifactRun, seedArtifactRun } from './fixtures/artifact-run';
import { SCREENSHOTS, shootThemes } from './fixtures/screenshots';
import { RunPage } from './pages/run-page';

/** Screenshots in both themes, the whole page unless said otherwise. */
const shoot = (page: Page, name: string, fullPage = true) => shootThemes(page, `run-${name}`, { fullPage });
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  return errors;
}

/** A run of a version of its own, waiting on its approval hook (build done), under a token of the shape engines use. */
async function seedHookRun(api: FlowdeckApi): Promise<{ runId: string; token: string }> {
  const n = nonce();
  const version = await api.createVersion({
    manifest: {
      workflows: {
        'e2e-approval': {
          input: { type: 'object' },
          steps: [
            { id: 'build', run: 'make build' },
            { id: 'approve', hook: { description: 'release approval' }, needs: [{ step: 'build' }] },
          ],
        },
      },
    },
    label: `e2e-approval-${n}`,
    address: `https://e2e.example/${n}`,
  });
  const { id: runId } = await api.createRun({ workflow: 'e2e-approval', versionId: version.id, groupPath: `e2e/run-detail/hook-${n}`, input: {} });
  const token = `hk_${nonce(16)}`;
  const at = secondsAfter(Date.now() - 5 * 60_000);
  await api.appendEvents(runId, [
    { type: 'run_started', at: at(0) },
    { type: 'node_started', nodeId: 'build', at: at(1) },
    { type: 'node_succeeded', nodeId: 'build', at: at(30) },
    { type: 'node_started', nodeId: 'approve', at: at(31) },
    { type: 'hook_created', nodeId: 'approve', at: at(31), token },
  ]);
  return { runId, token };
}

/**
 * A running run of the demo (the fixed seed always has some): the simulated engine holds its lease. Runs
 * other specs made may come first in the list, so it pages on until it meets one.
 */
async function demoRunningRun(api: FlowdeckApi): Promise<string> {
  let cursor: string | null = null;
  do {
    const page = await api.runs({ phase: 'running', limit: 200, cursor });
    for (const item of page.items) if ((await api.run(item.id)).leaseOwner === 'demo') return item.id;
    cursor = page.nextCursor;
  } while (cursor);
  throw new Error('the demo seed has no running run');
}

test.describe('run detail', () => {
  // Screenshots in two themes and a loaded CI machine take their time.
  test.describe.configure({ timeout: 90_000 });
  let seeded: ArtifactRun;

  test.beforeAll(async ({ request }) => {
    seeded = await seedArtifactRun(FlowdeckApi.of(request));
  });

  test('the graph is drawn before the page is interactive, then handed to the interactive graph', async ({ page }) => {
    // Without its scripts the page still shows every step, in the server's drawing of the first view.
    await page.route(
      (url) => url.pathname.endsWith('.js'),
      (route) => route.abort(),
    );
    await page.goto(routes.run(seeded.runId));
    const preview = page.getByTestId('graph-preview');
    await expect(preview).toBeVisible();
    // It holds a fitted and a start view; the canvas's size shows one of them.
    const drawn = preview.locator('[data-preview-node]').filter({ visible: true });
    await expect(drawn).toHaveCount(12);
    await expect(drawn.filter({ hasText: 'unit-test' })).toContainText('attempt 2');
    await expect(page.getByTestId('graph-node')).toHaveCount(0);

    // With them, React Flow takes over and the drawing goes.
    await page.unrouteAll();
    const run = new RunPage(page);
    await run.goto(seeded.runId);
    await run.graphDrawn();
    await expect(run.graphNodes).toHaveCount(12);
    await expect(preview).toHaveCount(0);
  });

  test('graph draws artifact edges, flags the stale one, and opens a node with its manifest files', async ({ page, request }) => {
    const errors = collectErrors(page);
    const run = new RunPage(page);
    await run.goto(seeded.runId);

    await expect(run.heading).toHaveText(seeded.workflow);
    await expect(run.runId).toHaveText(seeded.runId);
    await expect(run.phase).toHaveText('Running');
    await expect(run.group).toHaveAttribute('href', routes.runs({ group: seeded.groupPath }));
    await expect(run.version).toHaveAttribute('href', /^\/versions\/vers_/);
    await expect(run.tab('Graph')).toHaveAttribute('aria-selected', 'true');
    await run.graphDrawn();

    // Every step is a node; unit-test failed once, so it shows its second attempt.
    await expect(run.graphNodes).toHaveCount(12);
    await expect(run.node('unit-test')).toContainText('attempt 2');
    await expect(run.node('push-image').getByTestId('graph-node')).toHaveAttribute('data-status', 'running');

    // Two artifact edges out of build: the fresh one to push-image and the stale one to scan-image.
    await expect(run.artifactLabels).toHaveCount(2);
    const freshLabel = run.graph.locator(`[data-testid="artifact-edge-label"][data-digest="${seeded.current.digest}"]`);
    await expect(freshLabel).toContainText(seeded.current.digest.slice(7, 19));
    await expect(freshLabel).toContainText('3 files');
    await expect(freshLabel).not.toHaveAttribute('data-stale');
    await expect(run.staleLabels).toHaveCount(1);
    await expect(run.staleLabels).toContainText('stale');
    await expect(run.staleLabels).toContainText(seeded.stale.digest.slice(7, 19));
    await expect(run.staleLabels).toHaveAttribute(
      'title',
      new RegExp(`staged ${seeded.stale.digest.slice(7, 19)}, but the producer now publishes ${seeded.current.digest.slice(7, 19)}`),
    );
    await expect(run.legend).toContainText('stale artifact');

    // The producer's panel: its manifest's files, each downloadable, and who staged from it.
    await run.openNode('build');
    await expect(page).toHaveURL(/[?&]node=build\b/);
    await expect(run.manifestFiles).toHaveCount(3);
    const sbom = run.manifestFiles.filter({ hasText: 'build/sbom.json' });
    const download = sbom.getByRole('link', { name: /build\/sbom\.json/ });
    await expect(download).toHaveAttribute('href', routes.api.blob(seeded.blob));
    const blob = await FlowdeckApi.of(request).call('GET', routes.api.blob(seeded.blob));
    expect(JSON.parse(blob.text)).toHaveProperty('packages', 42);
    await expect(run.staging('scan-image')).toHaveAttribute('data-stale', 'true');
    await expect(run.staging('push-image')).not.toHaveAttribute('data-stale');
    await shoot(page, 'graph', false);

    // The consumer's panel says what it staged from whom, and that it is stale.
    await run.staging('scan-image').getByRole('button', { name: 'scan-image' }).click();
    await expect(run.nodePanel.getByRole('heading', { name: 'scan-image' })).toBeVisible();
    await expect(run.staging('build')).toHaveAttribute('data-stale', 'true');
    await expect(run.staging('build')).toContainText('now publishes');
    await shoot(page, 'graph-stale', false);

    // Closing the panel clears the selection from the URL.
    await run.nodePanel.getByRole('button', { name: 'Close step panel' }).click();
    await expect(run.nodePanel).toHaveCount(0);
    await expect(page).not.toHaveURL(/node=/);
    expect(errors, 'no page or console errors').toEqual([]);
  });

  test('tabs switch in place, live in the URL and survive a reload', async ({ page }) => {
    const run = new RunPage(page);
    await run.goto(seeded.runId);
    await run.graphDrawn();

    await run.openTab('Timeline');
    await expect(page).toHaveURL(/\?tab=timeline$/);
    await expect(run.timeline).toBeVisible();
    // Five steps have started: checkout, build, unit-test, scan-image, push-image.
    await expect(run.timelineBars).toHaveCount(5);
    await expect(page.locator('[data-testid="timeline-row"][data-node="push-image"] [data-testid="timeline-bar"]')).toHaveAttribute('data-status', 'running');
    const zoom = page.getByTestId('timeline-zoom');
    await expect(zoom).toHaveText('100%');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).toHaveText('125%');
    await page.getByRole('button', { name: 'Fit to width' }).click();
    await expect(zoom).toHaveText('100%');
    await shoot(page, 'timeline');

    await run.openTab('Events');
    await expect(page).toHaveURL(/\?tab=events$/);
    await expect(run.eventRows).toHaveCount(13);
    await shoot(page, 'events');

    await run.openTab('Input & output');
    await expect(page).toHaveURL(/\?tab=io$/);
    await expect(run.jsonViewers.first()).toContainText(seeded.groupPath.split('/').at(-1) as string);
    await shoot(page, 'io');

    await page.reload();
    await expect(run.tab('Input & output')).toHaveAttribute('aria-selected', 'true');
    await page.goBack();
    await expect(page).toHaveURL(/\?tab=events$/);
    await expect(run.tab('Events')).toHaveAttribute('aria-selected', 'true');

    // A timeline row opens its step in the graph.
    await run.openTab('Timeline');
    await page.locator('[data-testid="timeline-row"][data-node="build"]').getByRole('button').click();
    await expect(run.tab('Graph')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/node=build/);
    await expect(run.nodePanel).toBeVisible();
  });

  test('the event log filters by type and step, searches what is loaded and expands data', async ({ page }) => {
    const run = new RunPage(page);
    await run.goto(seeded.runId, '?tab=events');
    await expect(run.eventRows).toHaveCount(13);
    await expect(run.eventCount).toHaveText('13 events loaded');

    await run.filterEventTypes(['node_failed']);
    await expect(run.eventRows).toHaveCount(1);
    await expect(run.eventRows.first()).toHaveAttribute('data-type', 'node_failed');
    await run.filterEventTypes(['node_succeeded']);
    await expect(run.eventRows).toHaveCount(5);

    await run.stepFilter.selectOption('unit-test');
    await expect(run.eventRows).toHaveCount(2);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(run.eventRows).toHaveCount(13);

    await run.stepFilter.selectOption('unit-test');
    await expect(run.eventRows).toHaveCount(4);
    await run.search.fill('flaky');
    await expect(run.eventRows).toHaveCount(1);
    await expect(run.eventCount).toHaveText('1 of 4 loaded events match');
    const failed = run.eventRows.first();
    await failed.getByRole('button', { name: /Show data of event/ }).click();
    await expect(failed.getByTestId('json-viewer')).toContainText('flaky test');
    await expect(failed.getByTestId('json-viewer')).toContainText('exitCode');
  });

  test("an active run's duration ticks", async ({ page }) => {
    const run = new RunPage(page);
    await run.goto(seeded.runId);
    const duration = page.getByTestId('run-duration');
    await expect(duration).toHaveText(/^\d+m \d\ds$/);
    const before = await duration.textContent();
    await expect(duration).not.toHaveText(before as string, { timeout: 5_000 });
  });

  test('a run waiting on a hook says so, with its token', async ({ page, request }) => {
    const waiting = await seedHookRun(FlowdeckApi.of(request));
    const run = new RunPage(page);
    await run.goto(waiting.runId);
    await expect(run.waiting).toContainText('is awaiting hook');
    await expect(run.waiting).toContainText(waiting.token);
    await run.graphDrawn();
    await expect(run.graph.locator('[data-testid="graph-node"] [aria-label="Waiting on a hook"]')).toHaveCount(1);
  });

  test('an active demo run says the simulated engine holds it, so no runner takes it', async ({ page, request }) => {
    const run = new RunPage(page);
    await run.goto(await demoRunningRun(FlowdeckApi.of(request)));
    const lease = run.facts.getByTestId('run-lease');
    await expect(lease).toHaveAttribute('data-state', 'held');
    await expect(lease).toContainText('demo · no expiry');
    await expect(page.getByTestId('run-lease-owner')).toHaveText('demo');
  });

  test('an unknown or malformed run id is a friendly not-found page', async ({ page }) => {
    // The dashboard streams its frame before the page knows the run is missing, so the status is sent
    // as 200; Next marks the page noindex instead.
    await page.goto('/runs/run_00000000000000000000000000');
    await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
    await expect(page.locator('meta[name="robots"][content~="noindex"]').first()).toBeAttached();
    await page.screenshot({ path: `${SCREENSHOTS}/run-not-found-light.png`, fullPage: true });
    await page.goto('/runs/not-a-run');
    await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to runs' }).click();
    await expect(page).toHaveURL(/\/runs$/);
  });
});

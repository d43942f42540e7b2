import { expect, test } from '@playwright/test';
import { routes } from '../lib/routes';
import { FlowdeckApi, type Manifest, nonce, secondsAfter } from './fixtures/api';
import { VersionPage } from './pages/version-page';
import { shootThemes, VersionsPage } from './pages/versions-page';

const WORKFLOW = 'e2e-release';

/** A small release workflow: build, then a sleep and an approval hook in parallel, then ship (and notify on failure). */
function manifest(shipCommand: string): Manifest {
  return {
    workflows: {
      [WORKFLOW]: {
        input: { type: 'object', required: ['n'], properties: { n: { type: 'integer', description: 'release number' }, note: { type: 'string' } } },
        steps: [
          { id: 'build', run: 'make build' },
          { id: 'soak', sleep: '1h', needs: [{ step: 'build' }] },
          { id: 'approve', hook: { description: 'release manager approval' }, needs: [{ step: 'build' }] },
          { id: 'ship', run: shipCommand, needs: [{ step: 'soak' }, { step: 'approve' }] },
          { id: 'page-oncall', run: 'notify oncall', needs: [{ step: 'ship', when: 'on_failure' }] },
        ],
      },
    },
  };
}

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

test.describe('versions', () => {
  test('the registry is server-rendered, lists states and counts, and a row opens the version', async ({ page, request }) => {
    test.setTimeout(90_000);
    const items = await FlowdeckApi.of(request).versions();
    const current = items.find((v) => v.isCurrent);
    const draining = items.find((v) => v.status === 'draining');
    expect(current, 'the demo has a current version').toBeTruthy();

    // Without JavaScript the table is already there: rendered on the server.
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await page.goto(routes.versions());
    await expect(page.getByTestId('version-row').first()).toBeVisible();
    await page.unroute('**/_next/static/**/*.js');

    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const versions = new VersionsPage(page);
    await versions.goto();
    await expect(versions.heading).toHaveText('Versions');
    await expect(versions.rows).toHaveCount(items.length);
    const row = versions.row(current!.id);
    await expect(versions.state(row)).toHaveText('Current');
    await expect(row.getByTestId('version-active-runs')).toHaveText(current!.activeRuns.toLocaleString('en-US'));
    if (draining) await expect(versions.state(versions.row(draining.id))).toHaveText('Draining');
    await shootThemes(page, 'versions-list');

    await row.locator('td').nth(4).click();
    await expect(page).toHaveURL(routes.version(current!.id));
    const version = new VersionPage(page);
    await expect(version.state).toHaveText('Current');
    await expect(page.getByTestId('workflow-graph')).toBeVisible();
    await expect(page.getByTestId('manifest-step').first()).toBeVisible();
    await expect(page.getByTestId('json-viewer')).toBeVisible();
    // The current version offers no retirement.
    await expect(version.action('Sunset')).toHaveCount(0);
    await expect(version.action('Drain')).toHaveCount(0);
    await shootThemes(page, 'versions-overview');

    await version.tab('Drain').click();
    await expect(page).toHaveURL(/tab=drain/);
    await expect(page.getByTestId('drain-panel')).toBeVisible();
    await shootThemes(page, 'versions-drain');

    const other = draining ?? items.find((v) => v.id !== current!.id)!;
    await version.tab('Diff').click();
    await page.getByLabel('Compare with').selectOption(other.id);
    await expect(page).toHaveURL(new RegExp(`against=${other.id}`));
    await expect(page.getByTestId('blast-radius').or(page.getByText('No active runs: nothing to move.'))).toBeVisible();
    await expect(page.getByTestId('workflow-diff').first()).toBeVisible();
    await shootThemes(page, 'versions-diff');

    // A reload keeps the tab and the version compared with (both in the URL), rendered on the server.
    await page.reload();
    await expect(page.getByTestId('workflow-diff').first()).toBeVisible();

    await version.tab('History').click();
    await expect(page.getByTestId('entity-history')).toBeVisible();
    expect(errors, 'no page errors').toEqual([]);
  });

  test('sunset, the safe way: refused with the breakdown, drained, runs upgraded, sunset by itself', async ({ page, request }) => {
    test.setTimeout(120_000);
    const api = FlowdeckApi.of(request);
    const n = nonce();
    const a = await api.createVersion({ manifest: manifest('deploy --canary'), label: `e2e-A-${n}`, address: `https://e2e.example/${n}/a` });
    const b = await api.createVersion({ manifest: manifest('deploy --canary --verify'), label: `e2e-B-${n}`, address: `https://e2e.example/${n}/b` });
    const group = `e2e/sunset/${n}`;
    const run = (input: { n: number }) => api.createRun({ workflow: WORKFLOW, versionId: a.id, groupPath: group, input });
    const [sleeping, onHook, queued] = [await run({ n: 1 }), await run({ n: 2 }), await run({ n: 3 })];
    const t = secondsAfter(Date.now() - 600_000);
    await api.appendEvents(sleeping.id, [
      { type: 'run_started', at: t(0) },
      { type: 'node_started', nodeId: 'build', at: t(1) },
      { type: 'node_succeeded', nodeId: 'build', at: t(30) },
      { type: 'node_started', nodeId: 'soak', at: t(31) },
      { type: 'sleep_started', nodeId: 'soak', at: t(31), until: minutesFromNow(50) },
    ]);
    await api.appendEvents(onHook.id, [
      { type: 'run_started', at: t(0) },
      { type: 'node_started', nodeId: 'build', at: t(1) },
      { type: 'node_succeeded', nodeId: 'build', at: t(30) },
      { type: 'node_started', nodeId: 'approve', at: t(31) },
      { type: 'hook_created', nodeId: 'approve', at: t(31), token: `approve-${n}-token` },
    ]);

    const version = new VersionPage(page);
    await version.goto(a.id);
    await expect(version.state).toHaveText('Live');
    await expect(version.tab('Drain')).toHaveText(/Drain \(3\)/);

    // 1. A safe sunset is refused: the dialog shows what is still active and the ways forward.
    await version.action('Sunset').click();
    const sunset = version.dialog(/^Sunset e2e-A-/);
    await expect(sunset).toBeVisible();
    await shootThemes(page, 'versions-sunset-confirm');
    await sunset.getByRole('button', { name: 'Sunset', exact: true }).click();
    await expect(sunset.getByTestId('sunset-refused')).toContainText('Refused: 3 active runs');
    await expect(version.drainCount('sleeping', sunset)).toContainText('1');
    await expect(version.drainCount('hook', sunset)).toContainText('1');
    await expect(version.drainCount('queued', sunset)).toContainText('1');
    await expect(sunset.getByTestId('latest-wake')).toBeVisible();
    await shootThemes(page, 'versions-sunset-refused');
    expect((await api.version(a.id)).status).toBe('live');

    // Force is offered, with a required reason and the number of runs it would strand; not taken here.
    await sunset.getByRole('button', { name: 'Force sunset…' }).click();
    const force = version.dialog(/^Force sunset e2e-A-/);
    await expect(force).toContainText('3 active runs will be stranded');
    await expect(force.getByRole('button', { name: 'Force sunset' })).toBeDisabled();
    await force.getByLabel(/Reason/).fill('e2e: checking the dialog only');
    await expect(force.getByRole('button', { name: 'Force sunset' })).toBeEnabled();
    await shootThemes(page, 'versions-force-sunset');
    await force.getByRole('button', { name: 'Cancel' }).click();
    await expect(force).toBeHidden();

    // 2. Drain: no new runs; the active ones continue.
    await version.action('Sunset').click();
    await sunset.getByRole('button', { name: 'Sunset', exact: true }).click();
    await sunset.getByRole('button', { name: 'Drain…' }).click();
    const drain = version.dialog(/^Drain e2e-A-/);
    await expect(drain).toContainText('becomes sunset by itself');
    await shootThemes(page, 'versions-drain-confirm');
    await drain.getByRole('button', { name: 'Drain', exact: true }).click();
    await expect(drain).toBeHidden();
    await expect(version.state).toHaveText('Draining');
    const refused = await api.call('POST', routes.api.runs(), { workflow: WORKFLOW, versionId: a.id, groupPath: group, input: { n: 4 } });
    expect(refused.status, 'a draining version takes no new runs').toBe(409);

    // 3. Upgrade the active runs to B: dry run first, then the job with live progress.
    await version.action('Upgrade active runs').click();
    const upgrade = version.dialog(/^Upgrade active runs of e2e-A-/);
    await upgrade.getByLabel('Target version').selectOption(b.id);
    await upgrade.getByRole('radio', { name: /^Restart/ }).check();
    await upgrade.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(upgrade.getByTestId('bulk-total')).toHaveText('3');
    await expect(upgrade.getByTestId('compatible-count')).toHaveText('3 of 3 compatible');
    await shootThemes(page, 'upgrade-bulk-check');
    await upgrade.getByRole('button', { name: 'Upgrade 3 runs' }).click();
    await expect(upgrade.getByTestId('job-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(upgrade.getByTestId('job-done')).toHaveText('3 upgraded');
    await expect(upgrade.getByTestId('job-item')).toHaveCount(3);
    await shootThemes(page, 'upgrade-bulk-progress');
    await upgrade.getByRole('button', { name: 'Close', exact: true }).click();

    // The old runs wait, paused, for their successors to start: still draining.
    await expect(version.state).toHaveText('Draining');
    // 4. The engine picks up the new runs on B; each start retires its predecessor; the last one sunsets A.
    const onB = await api.runs({ version: b.id, limit: 50 });
    expect(onB.items.map((r) => r.upgradedFrom).sort()).toEqual([sleeping.id, onHook.id, queued.id].sort());
    for (const successor of onB.items) await api.appendEvents(successor.id, [{ type: 'run_started', at: new Date().toISOString() }]);
    await expect(version.state).toHaveText('Sunset', { timeout: 15_000 });
    await page.reload();
    await expect(version.state).toHaveText('Sunset');
    await expect(version.action('Sunset')).toHaveCount(0);

    // History: drained by the operator, sunset by the system when the last run ended.
    await version.tab('History').click();
    const history = page.getByTestId('history-item');
    await expect(history.first()).toContainText('Sunset version');
    await expect(history.first()).toContainText('system');
    await expect(page.getByTestId('entity-history')).toContainText('Started draining');
    await shootThemes(page, 'versions-history');
  });

  test('a stale write says the version changed and shows it again; delete of an unused version', async ({ page, request }) => {
    test.setTimeout(90_000);
    const api = FlowdeckApi.of(request);
    const n = nonce();
    const c = await api.createVersion({ manifest: manifest('deploy'), label: `e2e-C-${n}` });
    const version = new VersionPage(page);
    await version.goto(c.id);
    await expect(version.state).toHaveText('Pending');
    await expect(version.action('Set current')).toHaveCount(0);

    await version.action('Edit version').click();
    const edit = version.dialog('Edit version');
    await edit.getByLabel('Address').fill(`https://e2e.example/${n}/c`);
    await expect(edit).toContainText('it becomes live');
    // Someone else renames it meanwhile.
    await api.updateVersion(c.id, { label: `e2e-C-${n}-renamed`, expectedVersion: c.rowVersion });
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByTestId('stale-write')).toContainText('Changed by someone else — reload');
    await expect(version.heading).toHaveText(`e2e-C-${n}-renamed`);
    // The untouched label follows the reload; the typed address stays.
    await expect(edit.getByLabel('Label')).toHaveValue(`e2e-C-${n}-renamed`);
    await expect(edit.getByLabel('Address')).toHaveValue(`https://e2e.example/${n}/c`);
    await shootThemes(page, 'versions-edit-stale');
    // Confirming again writes on top of the state now shown, without reverting the rename.
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(version.state).toHaveText('Live');
    await expect(version.heading).toHaveText(`e2e-C-${n}-renamed`);

    await version.action('Set current').click();
    const setCurrent = version.dialog(/^Make e2e-C-/);
    await expect(setCurrent).toContainText('New runs will start on');
    await shootThemes(page, 'versions-set-current');
    await setCurrent.getByRole('button', { name: 'Cancel' }).click();

    await version.action('Delete version').click();
    const del = version.dialog(/^Delete e2e-C-/);
    await expect(del).toContainText('removed from the registry for good');
    await shootThemes(page, 'versions-delete');
    await del.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page).toHaveURL(routes.versions());
    expect((await api.call('GET', routes.api.version(c.id))).status).toBe(404);
  });
});

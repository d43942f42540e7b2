import { expect, test } from '@playwright/test';
import type { UpgradeReport } from '@/lib/domain/upgrade';
import { routes } from '../lib/routes';
import { FlowdeckApi, type Manifest, nonce, type UpgradeRequest } from './fixtures/api';
import { VersionPage } from './pages/version-page';
import { shootThemes } from './pages/versions-page';

const WORKFLOW = 'e2e-report';

/** v1 takes `{ n }`; the v2 input schema also requires `region`; the step is the same in both. */
const manifest = (requireRegion: boolean): Manifest => ({
  workflows: {
    [WORKFLOW]: {
      input: {
        type: 'object',
        required: requireRegion ? ['n', 'region'] : ['n'],
        properties: { n: { type: 'integer' }, ...(requireRegion ? { region: { type: 'string', enum: ['eu', 'us'] } } : {}) },
      },
      steps: [{ id: 'report', run: 'make report' }],
    },
  },
});

async function seed(api: FlowdeckApi) {
  const n = nonce();
  const version = (m: Manifest, label: string, k: number) => api.createVersion({ manifest: m, label, address: `https://e2e.example/${n}/${k}` });
  const from = await version(manifest(false), `e2e-up-${n}`, 1);
  const strict = await version(manifest(true), `e2e-up-strict-${n}`, 2);
  const same = await version(
    { workflows: { [WORKFLOW]: { ...manifest(false).workflows[WORKFLOW]!, steps: [{ id: 'report', run: 'make report --v3' }] } } },
    `e2e-up-v3-${n}`,
    3,
  );
  const group = `e2e/upgrade/${n}`;
  const run = await api.createRun({ workflow: WORKFLOW, versionId: from.id, groupPath: `${group}/one`, input: { n: 7 } });
  const bystander = await api.createRun({ workflow: WORKFLOW, versionId: from.id, groupPath: `${group}/other`, input: { n: 8 } });
  return { n, from, strict, same, group, run, bystander };
}

test.describe('upgrade', () => {
  test('an incompatible input: the dry run names the failing field and nothing changes', async ({ page, request }) => {
    const api = FlowdeckApi.of(request);
    const { from, strict, group, run, bystander } = await seed(api);
    const before = await api.run(run.id);

    const version = new VersionPage(page);
    await version.goto(from.id);
    await version.action('Upgrade active runs').click();
    const dialog = version.dialog(/^Upgrade active runs of e2e-up-/);
    // Only the one run: filter by its group path.
    await dialog.getByLabel('Target version').selectOption(strict.id);
    await dialog.getByLabel('Group path prefix (optional)').fill(`${group}/one`);
    await dialog.getByRole('button', { name: 'Check compatibility' }).click();
    await expect(dialog.getByTestId('bulk-total')).toHaveText('1');
    await expect(dialog.getByTestId('incompatible-count')).toHaveText('1 incompatible');
    await expect(dialog.getByTestId('incompatible-reasons')).toContainText(`${WORKFLOW}: input /region: must have required property 'region'`);
    await expect(dialog.getByRole('button', { name: /^Upgrade 0 runs/ })).toBeDisabled();
    await shootThemes(page, 'upgrade-bulk-incompatible');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The single-run endpoint refuses too (409 incompatible with the report), and nothing changed.
    const res = await api.call<{ error: { code: string; report: UpgradeReport } }>('POST', routes.api.runUpgrade(run.id), {
      targetVersionId: strict.id,
      strategy: 'restart',
      expectedVersion: before.rowVersion,
    } satisfies UpgradeRequest);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('incompatible');
    expect(res.body.error.report.input.problems.map((p) => p.path)).toEqual(['/region']);
    const after = await api.run(run.id);
    expect(after).toMatchObject({ phase: 'queued', versionId: from.id, upgradedTo: null, rowVersion: before.rowVersion });
    expect((await api.run(bystander.id)).upgradedTo).toBeNull();
    const { items } = await api.runs({ version: strict.id, limit: 5 });
    expect(items, 'no run was created on the target').toEqual([]);
  });

  test('the run page’s Upgrade dialog: failing field, then a compatible target and a link to the new run', async ({ page, request }) => {
    test.setTimeout(60_000);
    const api = FlowdeckApi.of(request);
    const { strict, same, run } = await seed(api);
    await page.goto(routes.run(run.id));
    const open = page.getByRole('button', { name: 'Upgrade…' });

    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Upgrade this run' });
    await dialog.getByLabel('Target version').selectOption(strict.id);
    await expect(dialog.getByTestId('report-verdict')).toHaveText('Incompatible');
    await expect(dialog.getByTestId('input-problem')).toHaveAttribute('data-path', '/region');
    await expect(dialog.getByRole('button', { name: 'Upgrade run' })).toBeDisabled();
    await shootThemes(page, 'upgrade-run-incompatible');
    expect((await api.run(run.id)).upgradedTo).toBeNull();

    await dialog.getByLabel('Target version').selectOption(same.id);
    await dialog.getByRole('radio', { name: /^Partial resume/ }).check();
    await expect(dialog.getByTestId('report-verdict')).toHaveText('Compatible');
    await shootThemes(page, 'upgrade-run-compatible');
    await dialog.getByRole('button', { name: 'Upgrade run' }).click();
    const link = dialog.getByTestId('new-run-link');
    await expect(link).toBeVisible();
    const newRunId = (await link.textContent())?.trim() ?? '';
    expect((await api.run(run.id)).upgradedTo).toBe(newRunId);
    await shootThemes(page, 'upgrade-run-done');
  });

  test('the run page’s Pause / Resume / Cancel ask first and change the run', async ({ page, request }) => {
    test.setTimeout(60_000);
    const api = FlowdeckApi.of(request);
    const { run } = await seed(api);
    await page.goto(routes.run(run.id));
    const pause = page.getByRole('button', { name: 'Pause', exact: true });

    await pause.click();
    const confirm = page.getByRole('dialog', { name: 'Pause this run?' });
    await confirm.getByLabel(/Reason/).fill('e2e: hold on');
    await shootThemes(page, 'upgrade-run-pause');
    await confirm.getByRole('button', { name: 'Pause run' }).click();
    await expect(confirm).toBeHidden();
    await expect.poll(async () => (await api.run(run.id)).phase).toBe('paused');
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('dialog', { name: 'Resume this run?' }).getByRole('button', { name: 'Resume run' }).click();
    await expect.poll(async () => (await api.run(run.id)).phase).toBe('running');

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel this run?' });
    await expect(cancel).toContainText('cannot be undone');
    await cancel.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(async () => (await api.run(run.id)).phase).toBe('cancelled');
    const { items } = await api.commits({ entity: 'run', id: run.id });
    expect(items.map((c) => c.action)).toEqual(['run.cancel', 'run.resume', 'run.pause']);
    expect(items[2]?.reason).toBe('e2e: hold on');
  });
});

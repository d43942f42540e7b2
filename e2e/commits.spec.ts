import { expect, test } from '@playwright/test';
import type { CommitListItem } from '@/lib/contract/commits';
import { routes } from '../lib/routes';
import { FlowdeckApi, type Manifest, nonce } from './fixtures/api';
import { CommitPage, CommitsPage } from './pages/commits-page';
import { shootThemes } from './pages/versions-page';

const manifest: Manifest = { workflows: { 'e2e-log': { input: { type: 'object' }, steps: [{ id: 'only', run: 'true' }] } } };

test.describe('commits', () => {
  test('a commit page shows the before and after of each change, field by field', async ({ page, request }) => {
    const api = FlowdeckApi.of(request);
    const n = nonce();
    const v = await api.createVersion({ manifest, label: `e2e-log-${n}` });
    await api.updateVersion(v.id, { label: `e2e-log-${n}-v2`, address: `https://e2e.example/${n}`, expectedVersion: v.rowVersion });
    const { items } = await api.commits({ entity: 'version', id: v.id });
    expect(items.map((c) => c.action)).toEqual(['version.update', 'version.create']);
    const [update, create] = items as [CommitListItem, CommitListItem];

    const log = new CommitsPage(page);
    await log.goto({ entity: 'version', id: v.id });
    await expect(log.rows).toHaveCount(2);
    await expect(log.row(update.id)).toContainText('Edited version');
    await shootThemes(page, 'commits-filtered');
    await log.row(update.id).getByRole('link', { name: /^cmt_/ }).click();

    const commit = new CommitPage(page);
    await expect(page).toHaveURL(routes.commit(update.id));
    await expect(commit.heading).toHaveText('Edited version');
    const change = commit.change(v.id);
    await expect(commit.field(change, 'label')).toHaveAttribute('data-change', 'changed');
    await expect(commit.field(change, 'label').getByTestId('before')).toHaveText(`e2e-log-${n}`);
    await expect(commit.field(change, 'label').getByTestId('after')).toHaveText(`e2e-log-${n}-v2`);
    await expect(commit.field(change, 'status').getByTestId('before')).toHaveText('pending');
    await expect(commit.field(change, 'status').getByTestId('after')).toHaveText('live');
    // Unchanged fields are folded away until asked for.
    await expect(commit.field(change, 'manifestDigest')).toHaveCount(0);
    await change.getByRole('button', { name: /^Show \d+ unchanged fields?$/ }).click();
    await expect(commit.field(change, 'manifestDigest')).toHaveAttribute('data-change', 'same');
    await shootThemes(page, 'commits-detail');

    // The chain: the parent is the commit before it.
    await commit.parentLink.click();
    await expect(page).toHaveTitle(new RegExp(`^#${update.seq - 1} `));
    expect(create.seq).toBeLessThan(update.seq);
  });

  test('filters live in the URL; "load more" pages the log by seq', async ({ page, request }) => {
    const api = FlowdeckApi.of(request);
    const n = nonce();
    let v = await api.createVersion({ manifest, label: `e2e-many-${n}` });
    for (let i = 1; i <= 52; i++) v = await api.updateVersion(v.id, { label: `e2e-many-${n}-${i}`, expectedVersion: v.rowVersion });

    const log = new CommitsPage(page);
    await log.goto();
    await expect(log.rows.first()).toBeVisible();
    await shootThemes(page, 'commits-list');

    await log.actionSelect.selectOption('version.update');
    await expect.poll(() => log.params().get('action')).toBe('version.update');
    await log.idInput.fill(v.id);
    await log.idInput.press('Enter');
    await expect.poll(() => log.params().get('id')).toBe(v.id);
    await expect(log.rows).toHaveCount(50);
    await expect(log.loaded).toHaveText('Showing 50 commits');
    await log.loadMore.click();
    await expect(log.rows).toHaveCount(52);
    await expect(log.loaded).toHaveText('Showing 52 commits — every match');
    await expect(log.loadMore).toHaveCount(0);

    // A reload keeps the filters (server-rendered from the URL).
    await page.reload();
    await expect(log.actionSelect).toHaveValue('version.update');
    await expect(log.rows).toHaveCount(50);

    await log.clearFilters.click();
    await expect.poll(() => log.params().toString()).toBe('');
    await expect(log.rows).toHaveCount(50);
  });
});

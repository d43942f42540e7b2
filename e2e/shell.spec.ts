import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell-page';

const SCREENSHOTS = 'test-results/screenshots';
const BUNDLES = '**/_next/static/**/*.js';

test.describe('app shell', () => {
  test('lands on runs, shows the store, switches theme and navigates', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));

    const shell = new ShellPage(page);
    await shell.goto('/');

    await expect(page).toHaveURL(/\/runs$/);
    await expect(page).toHaveTitle('Runs · Flowdeck');
    await expect(shell.brand).toContainText('Flowdeck');
    await expect(shell.heading).toHaveText('Runs');
    for (const section of ['Runs', 'Versions', 'Commits', 'API'] as const) await expect(shell.navLink(section)).toBeVisible();
    await expect(shell.navLink('Runs')).toHaveAttribute('aria-current', 'page');
    await expect(shell.navLink('Versions')).not.toHaveAttribute('aria-current', 'page');

    await expect(shell.storeStatus).toBeVisible();
    await expect(shell.storeStatus).toHaveText(/^(PGlite|PostgreSQL) · schema \d+$/);

    await shell.setTheme('Light');
    await expect(shell.html).not.toHaveClass(/\bdark\b/);
    await expect(shell.themeOption('Light')).toHaveAttribute('aria-checked', 'true');
    await page.screenshot({ path: `${SCREENSHOTS}/shell-light.png`, fullPage: true });

    await shell.setTheme('Dark');
    await expect(shell.html).toHaveClass(/\bdark\b/);
    await expect(shell.themeOption('Dark')).toHaveAttribute('aria-checked', 'true');
    await page.screenshot({ path: `${SCREENSHOTS}/shell-dark.png`, fullPage: true });

    await shell.navigateTo('Versions');
    await expect(page).toHaveURL(/\/versions$/);
    await expect(shell.heading).toHaveText('Versions');
    await expect(shell.navLink('Versions')).toHaveAttribute('aria-current', 'page');
    await expect(shell.navLink('Runs')).not.toHaveAttribute('aria-current', 'page');

    await shell.navigateTo('Commits');
    await expect(page).toHaveURL(/\/commits$/);
    await expect(shell.heading).toHaveText('Commits');
    await expect(shell.navLink('Commits')).toHaveAttribute('aria-current', 'page');
    await expect(shell.html).toHaveClass(/\bdark\b/);

    await shell.setTheme('Light');
    await expect(shell.html).not.toHaveClass(/\bdark\b/);
    expect(errors, 'no page or console errors').toEqual([]);
  });

  test('the chosen theme is applied before any bundle runs (no flash)', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/runs');
    await shell.setTheme('Dark');
    await expect(shell.html).toHaveClass(/\bdark\b/);

    // Without the JS bundles only the inline theme script can set the class.
    await page.route(BUNDLES, (route) => route.abort());
    await page.reload();
    await expect(shell.heading).toHaveText('Runs');
    await expect(shell.themeOption('Dark')).toHaveAttribute('aria-checked', 'false'); // React did not run
    await expect(shell.html).toHaveClass(/\bdark\b/);
    await page.unroute(BUNDLES);
  });

  test('g-shortcuts jump between sections', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/runs');
    await expect(shell.themeOption('System')).toHaveAttribute('aria-checked', 'true'); // hydrated
    await page.keyboard.press('g');
    await page.keyboard.press('v');
    await expect(page).toHaveURL(/\/versions$/);
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(page).toHaveURL(/\/commits$/);
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await expect(page).toHaveURL(/\/api-docs$/);
  });

  test('an unknown path shows the not-found page', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to runs' }).click();
    await expect(page).toHaveURL(/\/runs$/);
  });
});

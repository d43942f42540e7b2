import { expect, type Locator, type Page } from '@playwright/test';
import { routes } from '../../lib/routes';

/** The version registry at /versions. */
export class VersionsPage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly emptyState: Locator;
  readonly queryError: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('versions-view');
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByTestId('versions-table');
    this.rows = page.getByTestId('version-row');
    this.emptyState = page.getByTestId('empty-state');
    this.queryError = page.getByTestId('query-error');
  }

  async goto(): Promise<void> {
    await this.page.goto(routes.versions());
    await expect(this.view).toBeVisible();
  }

  /** The row of a version (its link is named by label and id). */
  row(versionId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: new RegExp(`${versionId}$`) }) });
  }

  state(row: Locator): Locator {
    return row.getByTestId('version-state');
  }
}

/** Full-page screenshots in light and dark (the OS preference, which the theme follows by default). */
export async function shootThemes(page: Page, name: string): Promise<void> {
  const html = page.locator('html');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'dark') await expect(html).toHaveClass(/\bdark\b/);
    else await expect(html).not.toHaveClass(/\bdark\b/);
    await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

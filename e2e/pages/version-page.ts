import { expect, type Locator, type Page } from '@playwright/test';
import { type Query, routes } from '../../lib/routes';

/** A version's page at /versions/:id: header, actions, tabs, and the dialogs the actions open. */
export class VersionPage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly state: Locator;
  readonly versionId: Locator;
  readonly tabs: Locator;
  readonly drainCounts: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('version-view');
    this.heading = page.getByRole('heading', { level: 1 });
    this.state = page.getByTestId('version-view').getByTestId('version-state').first();
    this.versionId = page.getByTestId('version-id');
    this.tabs = page.getByRole('tablist', { name: 'Version views' });
    this.drainCounts = page.getByTestId('drain-count');
    this.toast = page.getByTestId('toast');
  }

  async goto(id: string, query?: Query): Promise<void> {
    await this.page.goto(routes.version(id, query));
    await expect(this.view).toBeVisible();
  }

  tab(name: 'Manifest' | 'Drain' | 'Diff' | 'History'): Locator {
    return this.tabs.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** A header action button (Set current, Drain, Sunset, Force sunset, Upgrade active runs, Edit version, Delete version). */
  action(name: string): Locator {
    return this.view.locator('header').getByRole('button', { name, exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The count tile of a drain state inside `scope` (the page or a dialog). */
  drainCount(state: 'running' | 'queued' | 'paused' | 'sleeping' | 'hook', scope: Locator | Page = this.page): Locator {
    return scope.getByTestId('drain-count').and(this.page.locator(`[data-state="${state}"]`));
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { type Query, routes } from '../../lib/routes';

/** The commit log at /commits: filters in the URL, the table, "load more". */
export class CommitsPage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly filters: Locator;
  readonly entitySelect: Locator;
  readonly idInput: Locator;
  readonly actionSelect: Locator;
  readonly clearFilters: Locator;
  readonly rows: Locator;
  readonly loaded: Locator;
  readonly loadMore: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('commits-view');
    this.heading = page.getByRole('heading', { level: 1 });
    this.filters = page.getByRole('group', { name: 'Filter commits' });
    this.entitySelect = this.filters.getByRole('combobox', { name: 'Entity', exact: true });
    this.idInput = this.filters.getByRole('textbox', { name: 'Entity id' });
    this.actionSelect = this.filters.getByRole('combobox', { name: 'Action' });
    this.clearFilters = this.filters.getByRole('button', { name: 'Clear filters' });
    this.rows = page.getByTestId('commit-row');
    this.loaded = page.getByTestId('commits-loaded');
    this.loadMore = page.getByRole('button', { name: 'Load more' });
    this.emptyState = page.getByTestId('empty-state');
  }

  async goto(query?: Query): Promise<void> {
    await this.page.goto(routes.commits(query));
    await expect(this.view).toBeVisible();
  }

  row(commitId: string): Locator {
    return this.page.locator(`[data-testid="commit-row"][data-commit-id="${commitId}"]`);
  }

  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}

/** One commit at /commits/:id: header, reason, and a before/after table per change. */
export class CommitPage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly commitId: Locator;
  readonly parentLink: Locator;
  readonly reason: Locator;
  readonly changes: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('commit-view');
    this.heading = page.getByRole('heading', { level: 1 });
    this.commitId = page.getByTestId('commit-id');
    this.parentLink = page.getByTestId('parent-link');
    this.reason = page.getByTestId('commit-reason');
    this.changes = page.getByTestId('change-diff');
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(routes.commit(id));
    await expect(this.view).toBeVisible();
  }

  change(entityId: string): Locator {
    return this.page.locator(`[data-testid="change-diff"][data-entity-id="${entityId}"]`);
  }

  field(change: Locator, name: string): Locator {
    return change.locator(`[data-testid="field-row"][data-field="${name}"]`);
  }
}

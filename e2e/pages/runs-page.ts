import { expect, type Locator, type Page } from '@playwright/test';
import { type Query, routes } from '../../lib/routes';

/** The run index at /runs: search, filters, phase chips, the live table and its pages. */
export class RunsPage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly search: Locator;
  readonly filters: Locator;
  readonly resultFilter: Locator;
  readonly workflowSelect: Locator;
  readonly versionSelect: Locator;
  readonly groupInput: Locator;
  readonly createdFilter: Locator;
  readonly clearFilters: Locator;
  readonly chips: Locator;
  readonly freshness: Locator;
  readonly refreshButton: Locator;
  readonly rows: Locator;
  readonly highlightedRow: Locator;
  readonly loaded: Locator;
  readonly loadMore: Locator;
  readonly emptyState: Locator;
  readonly queryError: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('runs-view');
    this.heading = page.getByRole('heading', { level: 1 });
    this.search = page.getByRole('searchbox', { name: 'Search runs by id' });
    this.filters = page.getByRole('group', { name: 'Filter runs' });
    this.resultFilter = this.filters.getByRole('button', { name: /^Result/ });
    this.workflowSelect = this.filters.getByRole('combobox', { name: 'Workflow' });
    this.versionSelect = this.filters.getByRole('combobox', { name: 'Version' });
    this.groupInput = this.filters.getByRole('textbox', { name: 'Group path prefix' });
    this.createdFilter = this.filters.getByRole('button', { name: /^Created/ });
    this.clearFilters = this.filters.getByRole('button', { name: 'Clear filters' });
    this.chips = page.getByRole('group', { name: 'Runs by phase' });
    this.freshness = page.getByTestId('run-list-freshness');
    this.refreshButton = page.getByRole('button', { name: 'Refresh now' });
    this.rows = page.getByTestId('run-row');
    this.highlightedRow = page.getByRole('row', { selected: true });
    this.loaded = page.getByTestId('runs-loaded');
    this.loadMore = page.getByRole('button', { name: 'Load more' });
    this.emptyState = page.getByTestId('empty-state');
    this.queryError = page.getByTestId('runs-query-error');
  }

  /** Opens /runs with these filters and waits until the list is interactive. */
  async goto(query?: Query): Promise<void> {
    await this.page.goto(routes.runs(query));
    await expect(this.view).toHaveAttribute('data-hydrated', 'true');
  }

  chip(label: string): Locator {
    return this.chips.getByRole('button', { name: new RegExp(`^${label}\\b`) });
  }

  /** The count shown on a phase chip. */
  async chipCount(label: string): Promise<number> {
    const text = await this.chip(label).getByTestId('chip-count').textContent();
    return Number((text ?? '').replace(/,/g, ''));
  }

  /** The row of a run (its id link carries the full id as its name). */
  row(runId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: runId, exact: true }) });
  }

  status(row: Locator): Locator {
    return row.getByTestId('run-status');
  }

  /** A choice inside an open filter panel (Result, Created). */
  panel(label: 'Result' | 'Created'): Locator {
    return this.page.getByRole('dialog', { name: `${label} filter` });
  }

  /** Ids of the rows rendered now (the table is virtualized: only those near the viewport). */
  async renderedRunIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id') ?? ''));
  }

  /** The attribute of every rendered row, e.g. `data-phase`. */
  async renderedAttr(name: string): Promise<string[]> {
    return this.rows.evaluateAll((rows, attr) => rows.map((r) => r.getAttribute(attr) ?? ''), name);
  }

  /** Text of one column's cells in the rendered rows (1-based column). */
  async columnTexts(column: number): Promise<string[]> {
    return this.rows.evaluateAll((rows, n) => rows.map((r) => r.children[n - 1]?.textContent?.trim() ?? ''), column);
  }

  /** The `datetime` of each rendered row's Created cell. */
  async createdTimes(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.querySelector('time')?.getAttribute('datetime') ?? ''));
  }

  /** The URL's search params now. */
  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}

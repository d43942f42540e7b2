import type { Locator, Page } from '@playwright/test';

/** A step's log viewer (the run's Logs tab, or the node panel's Logs section) and the Logs tab's step picker. */
export class LogViewer {
  readonly root: Locator;
  readonly lines: Locator;
  readonly list: Locator;
  readonly find: Locator;
  readonly matchCount: Locator;
  readonly nextMatch: Locator;
  readonly previousMatch: Locator;
  readonly currentMatch: Locator;
  readonly timeToggle: Locator;
  readonly wrapToggle: Locator;
  readonly download: Locator;
  readonly attempt: Locator;
  readonly empty: Locator;
  readonly cut: Locator;
  readonly error: Locator;
  readonly live: Locator;
  readonly count: Locator;
  readonly jumpToLatest: Locator;
  readonly steps: Locator;

  constructor(
    readonly page: Page,
    scope: Locator | Page = page,
  ) {
    this.root = scope.getByTestId('log-viewer');
    this.list = this.root.getByTestId('log-lines');
    this.lines = this.root.getByTestId('log-line');
    this.find = this.root.getByRole('searchbox', { name: 'Find in log' });
    this.matchCount = this.root.getByTestId('log-match-count');
    this.nextMatch = this.root.getByRole('button', { name: 'Next match' });
    this.previousMatch = this.root.getByRole('button', { name: 'Previous match' });
    this.currentMatch = this.root.locator('mark[data-current]');
    this.timeToggle = this.root.getByRole('button', { name: 'Time' });
    this.wrapToggle = this.root.getByRole('button', { name: 'Wrap' });
    this.download = this.root.getByRole('link', { name: 'Download' });
    this.attempt = this.root.getByRole('combobox', { name: 'Attempt' });
    this.empty = this.root.getByTestId('log-empty');
    this.cut = this.root.getByTestId('log-cut');
    this.error = this.root.getByTestId('log-error');
    this.live = this.root.getByTestId('log-live');
    this.count = this.root.getByTestId('log-count');
    this.jumpToLatest = this.root.getByRole('button', { name: 'Jump to latest' });
    this.steps = page.getByRole('navigation', { name: 'Steps' }).getByRole('button');
  }

  /** The row of line `n` (1-based), when it is rendered. */
  line(n: number): Locator {
    return this.root.locator(`[data-testid="log-line"][data-n="${n}"]`);
  }

  /** Whether the lines are scrolled to their end (what following keeps them at). */
  atEnd(): Promise<boolean> {
    return this.list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 24);
  }

  step(nodeId: string): Locator {
    return this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: nodeId, exact: false });
  }
}

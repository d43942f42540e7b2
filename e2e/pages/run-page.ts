import { expect, type Locator, type Page } from '@playwright/test';

export type RunTabName = 'Graph' | 'Timeline' | 'Events' | 'Input & output';

/** A run's page: header, tabs, the graph with its node panel, the timeline, the event log, the JSON views. */
export class RunPage {
  readonly heading: Locator;
  readonly runId: Locator;
  readonly phase: Locator;
  readonly version: Locator;
  readonly group: Locator;
  readonly facts: Locator;
  readonly waiting: Locator;
  readonly tabList: Locator;
  readonly graph: Locator;
  readonly graphNodes: Locator;
  readonly artifactLabels: Locator;
  readonly staleLabels: Locator;
  readonly legend: Locator;
  readonly nodePanel: Locator;
  readonly manifestFiles: Locator;
  readonly stagings: Locator;
  readonly timeline: Locator;
  readonly timelineBars: Locator;
  readonly eventRows: Locator;
  readonly eventCount: Locator;
  readonly eventTypes: Locator;
  readonly stepFilter: Locator;
  readonly search: Locator;
  readonly loadMore: Locator;
  readonly jsonViewers: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.runId = page.getByTestId('run-id');
    this.phase = page.getByTestId('run-phase');
    this.version = page.getByTestId('run-version');
    this.group = page.getByTestId('run-group');
    this.facts = page.getByTestId('run-facts');
    this.waiting = page.getByTestId('run-waiting');
    this.tabList = page.getByRole('tablist', { name: 'Run views' });
    this.graph = page.getByTestId('run-graph');
    this.graphNodes = this.graph.getByTestId('graph-node');
    this.artifactLabels = this.graph.getByTestId('artifact-edge-label');
    this.staleLabels = this.graph.locator('[data-testid="artifact-edge-label"][data-stale]');
    this.legend = page.getByTestId('graph-legend');
    this.nodePanel = page.getByTestId('node-panel');
    this.manifestFiles = this.nodePanel.getByTestId('manifest-file');
    this.stagings = this.nodePanel.getByTestId('staging');
    this.timeline = page.getByTestId('timeline');
    this.timelineBars = page.getByTestId('timeline-bar');
    this.eventRows = page.getByTestId('event-row');
    this.eventCount = page.getByTestId('events-count');
    this.eventTypes = page.getByTestId('event-type-filter');
    this.stepFilter = page.getByRole('combobox', { name: 'Step' });
    this.search = page.getByRole('searchbox', { name: 'Search loaded events' });
    this.loadMore = page.getByRole('button', { name: 'Load more' });
    this.jsonViewers = page.getByTestId('json-viewer');
  }

  async goto(runId: string, query = ''): Promise<void> {
    await this.page.goto(`/runs/${runId}${query}`);
  }

  tab(name: RunTabName): Locator {
    return this.tabList.getByRole('tab', { name, exact: true });
  }

  async openTab(name: RunTabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Resolves once the graph is laid out and drawn. */
  async graphDrawn(): Promise<void> {
    await expect(this.graph).toHaveAttribute('data-state', 'drawn', { timeout: 20_000 });
  }

  /** A node of the graph (React Flow's wrapper, which takes the clicks). */
  node(id: string): Locator {
    return this.graph.getByTestId(`rf__node-${id}`);
  }

  /** Clicks a node, fitting the whole graph into view first when the node is off-screen. */
  async openNode(id: string): Promise<void> {
    const [node, frame] = await Promise.all([this.node(id).boundingBox(), this.graph.boundingBox()]);
    const inside =
      node && frame && node.x >= frame.x && node.y >= frame.y && node.x + node.width <= frame.x + frame.width && node.y + node.height <= frame.y + frame.height;
    if (!inside) await this.graph.getByRole('button', { name: 'Fit View' }).click();
    await this.node(id).click();
    await expect(this.nodePanel.getByRole('heading', { name: id, exact: true })).toBeVisible();
  }

  staging(from: string): Locator {
    return this.stagings.filter({ has: this.page.getByRole('button', { name: from, exact: true }) });
  }

  /** Ticks event types in the type filter (a dropdown of checkboxes), then closes it. */
  async filterEventTypes(types: string[]): Promise<void> {
    await this.eventTypes.click();
    const group = this.page.getByRole('group', { name: 'Event types' });
    for (const type of types) await group.getByText(type, { exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  eventRow(seq: number): Locator {
    return this.page.locator(`[data-testid="event-row"][data-seq="${seq}"]`);
  }
}

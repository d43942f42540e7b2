import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { routes, type Query } from '../../lib/routes';

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

// --- seeding through the HTTP API (as a deploy pipeline and an engine would) -------------------------

export interface SeededVersion {
  id: string;
  label: string;
  rowVersion: number;
}

export type Manifest = { workflows: Record<string, { input: Record<string, unknown>; steps: Record<string, unknown>[] }> };

async function ok<T>(res: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }, what: string): Promise<T> {
  expect(res.ok(), `${what} → ${res.status()} ${res.ok() ? '' : await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

export async function createVersion(request: APIRequestContext, manifest: Manifest, label: string, address?: string): Promise<SeededVersion> {
  const res = await request.post('/api/v1/versions', {
    data: { manifest, label, address, source: { repo: 'github.com/acme/e2e', branch: 'main', commit: 'e2e0000000000000000000000000000000000000'.slice(0, 40) } },
  });
  return ok<SeededVersion>(res, `POST version ${label}`);
}

export async function createRun(request: APIRequestContext, versionId: string, workflow: string, groupPath: string, input: unknown): Promise<{ id: string; rowVersion: number; phase: string }> {
  return ok(await request.post('/api/v1/runs', { data: { workflow, versionId, groupPath, input } }), 'POST run');
}

export async function appendEvents(request: APIRequestContext, runId: string, events: Record<string, unknown>[]): Promise<void> {
  await ok(await request.post(`/api/v1/runs/${runId}/events`, { data: { events } }), `POST events ${runId}`);
}

export async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  return ok<T>(await request.get(url), `GET ${url}`);
}

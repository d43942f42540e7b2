import { type Browser, expect, type Page, test } from '@playwright/test';
import type { SessionInfo } from '@/lib/contract/session';
import type { VersionDetail } from '@/lib/contract/versions';
import { routes } from '../lib/routes';
import { FlowdeckApi } from './fixtures/api';
import { type AuthServer, startAuthServer, type TokenRole } from './fixtures/auth-server';
import { SignInPage } from './pages/sign-in-page';
import { VersionPage } from './pages/version-page';

/**
 * Authentication end to end, on a server of its own bound to a non-loopback address (or with
 * FLOWDECK_AUTH=required): the role matrix of the API, the CLI's bootstrap and lock message, and the
 * dashboard's sign-in, sessions and role-gated actions. The suite's own (loopback) server shows auth off.
 */
const SCREENSHOTS = 'test-results/screenshots';
const ROLES: TokenRole[] = ['viewer', 'operator', 'admin'];
const MUTATIONS = /^(Pause|Resume|Cancel|Upgrade…|Upgrade active runs|Set current|Drain|Sunset|Force sunset|Edit version|Delete version)$/;

test.describe('authentication off on loopback', () => {
  test('the shell says so, with a tooltip', async ({ page }) => {
    const signIn = new SignInPage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(routes.runs());
      await expect(signIn.authStatus).toHaveAttribute('data-mode', 'off');
      const badge = signIn.authStatus.getByText('Auth off · loopback');
      await expect(badge).toHaveAttribute('title', /loopback.*FLOWDECK_AUTH=required/s);
      await page.locator('aside').screenshot({ path: `${SCREENSHOTS}/auth-off-badge-${scheme}.png` });
    }
    // Nothing to sign in to: the sign-in page sends you on.
    await page.goto(routes.signIn('/versions'));
    await expect(page).toHaveURL(/\/versions$/);
  });
});

test.describe
  .serial('authentication required', () => {
    let server: AuthServer;

    test.beforeAll(async () => {
      test.setTimeout(360_000);
      server = await startAuthServer();
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    /** The server's API with a token of the role (null: without a token). */
    const as = (role: TokenRole | null) => FlowdeckApi.at(server.baseURL, role ? { authorization: `Bearer ${server.tokens[role]}` } : {});

    test('the server requires tokens and the CLI made them on the stopped store', async () => {
      expect(server.log()).toMatch(/Authentication is required/);
      expect(server.log()).toContain(server.why === 'non-loopback' ? `listens on ${server.host}` : 'FLOWDECK_AUTH=required');
      expect(server.log()).not.toMatch(/fdk_/);
      const health = await as(null).call('GET', routes.api.health());
      expect(health.status).toBe(200);
      const session = await as(null).call<SessionInfo>('GET', routes.api.session());
      expect(session.body).toEqual({ authRequired: true, caller: null });
    });

    test('a read: 401 without a token, 200 for viewer, operator and admin', async () => {
      const none = await as(null).call('GET', routes.api.runs());
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toContain('Bearer');
      for (const role of ROLES) expect((await as(role).call('GET', routes.api.runs())).status, role).toBe(200);
    });

    test('an operator action (pause a run): 401, 403 for a viewer, 200 for operator and admin', async () => {
      const active = await as('admin').runs({ phase: ['running', 'queued'], limit: 10 });
      const [a, b] = active.items;
      expect(a && b, 'two active demo runs').toBeTruthy();
      const pause = async (id: string, role: TokenRole | null) => {
        const run = await as('admin').run(id);
        return as(role).call('POST', routes.api.runPause(id), { expectedVersion: run.rowVersion });
      };
      expect((await pause(a!.id, null)).status).toBe(401);
      const denied = await pause(a!.id, 'viewer');
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ error: { code: 'forbidden', required: 'operator', role: 'viewer' } });
      expect((await pause(a!.id, 'operator')).status).toBe(200);
      expect((await pause(b!.id, 'admin')).status).toBe(200);
      const commits = await as('viewer').commits({ limit: 2 });
      expect(commits.items).toEqual([
        expect.objectContaining({ action: 'run.pause', actor: 'e2e-admin' }),
        expect.objectContaining({ action: 'run.pause', actor: 'e2e-operator' }),
      ]);
    });

    test('an admin action (delete a version): 401, 403 for viewer and operator, 204 for admin', async () => {
      const manifest = { workflows: { hello: { input: { type: 'object' }, steps: [{ id: 'a', run: 'echo hi' }] } } };
      const created = await as('operator').call<VersionDetail>('POST', routes.api.versions(), { manifest, label: 'auth-e2e' });
      expect(created.status).toBe(201);
      const version = created.body;
      const del = (role: TokenRole | null) => as(role).call('DELETE', routes.api.version(version.id), undefined, { 'if-match': `"${version.rowVersion}"` });
      expect((await del(null)).status).toBe(401);
      expect((await del('viewer')).status).toBe(403);
      const operator = await del('operator');
      expect(operator.status).toBe(403);
      expect(operator.body).toMatchObject({ error: { required: 'admin', role: 'operator' } });
      expect((await del('admin')).status).toBe(204);
      expect((await as('operator').call('GET', routes.api.tokens())).status).toBe(403);
      expect((await as('admin').call('GET', routes.api.tokens())).status).toBe(200);
    });

    test('the CLI: a clear message on the locked store; token commands through the API with FLOWDECK_TOKEN', async () => {
      const locked = await server.cli(['token', 'list']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/in use by another process .*running server/);
      expect(locked.stderr).toMatch(/Stop the server/);
      expect(locked.stderr).toMatch(/FLOWDECK_URL=/);

      const viaApi = { FLOWDECK_URL: server.baseURL, FLOWDECK_TOKEN: server.tokens.admin };
      const list = await server.cli(['token', 'list'], viaApi);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/e2e-viewer\s+viewer\s+active/);
      expect(list.stdout).not.toMatch(/fdk_/);
      const made = await server.cli(['token', 'create', '--name', 'e2e-temp', '--role', 'viewer', '--expires', '2h'], viaApi);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout.trim()).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
      expect(made.stderr).toMatch(/shown only this once/);
      const revoked = await server.cli(['token', 'revoke', 'e2e-temp'], viaApi);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect((await FlowdeckApi.at(server.baseURL, { authorization: `Bearer ${made.stdout.trim()}` }).call('GET', routes.api.runs())).status).toBe(401);
      const asViewer = await server.cli(['token', 'list'], { FLOWDECK_URL: server.baseURL, FLOWDECK_TOKEN: server.tokens.viewer });
      expect(asViewer.code).toBe(1);
      expect(asViewer.stderr).toMatch(/needs the admin role/);
      const noToken = await server.cli(['version', 'list'], { FLOWDECK_URL: server.baseURL });
      expect(noToken.code).toBe(1);
      expect(noToken.stderr).toMatch(/set FLOWDECK_TOKEN/);
    });

    /** An active run and a non-current version with active runs: where an operator has the most actions. */
    async function targets(): Promise<{ runId: string; versionId: string }> {
      const runs = await as('admin').runs({ phase: ['running'], limit: 5 });
      const versions = await as('admin').versions();
      const version = versions.find((v) => !v.isCurrent && v.status === 'live' && v.activeRuns > 0) ?? versions.find((v) => !v.isCurrent);
      return { runId: runs.items[0]!.id, versionId: version!.id };
    }

    async function newPage(browser: Browser): Promise<{ page: Page; urls: string[] }> {
      const context = await browser.newContext({ baseURL: server.baseURL });
      const page = await context.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      return { page, urls };
    }

    test('every page redirects an anonymous visitor to the sign-in page, with a relative next', async () => {
      const { runId, versionId } = await targets();
      const commits = await as('viewer').commits({ limit: 1 });
      const pages = [
        routes.runs({ phase: 'running' }),
        routes.run(runId),
        routes.versions(),
        routes.version(versionId),
        routes.commits(),
        routes.commit(commits.items[0]!.id),
      ];
      for (const path of pages) {
        const res = await fetch(`${server.baseURL}${path}`, { redirect: 'manual' });
        expect(res.status, path).toBe(307);
        expect(res.headers.get('location'), path).toBe(routes.signIn(path));
      }
    });

    test('sign-in page: redirects there with next, shows errors, keeps the token out of URLs', async ({ browser }) => {
      const { page, urls } = await newPage(browser);
      const signIn = new SignInPage(page);
      await page.goto(routes.versions());
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fversions$/);
      await expect(signIn.form).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: `${SCREENSHOTS}/sign-in-${scheme}.png`, fullPage: true });
      }
      await signIn.signIn(`fdk_${'x'.repeat(43)}`);
      await expect(signIn.error).toContainText('The token is not known to this server.');
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: `${SCREENSHOTS}/sign-in-error-${scheme}.png`, fullPage: true });
      }
      // An open redirect is refused: `next` only ever names a path of this app.
      await page.goto(`/sign-in?next=${encodeURIComponent('//evil.example/x')}`);
      await signIn.signIn(server.tokens.operator);
      await expect(page).toHaveURL(`${server.baseURL}/runs`);
      await expect(signIn.actor).toHaveText('e2e-operator');
      await expect(signIn.role).toHaveText('operator');
      const cookies = await page.context().cookies();
      expect(cookies).toEqual([expect.objectContaining({ name: 'flowdeck_session', httpOnly: true, sameSite: 'Strict', path: '/' })]);
      expect(cookies[0]?.value).not.toContain(server.tokens.operator.slice(4));
      for (const url of urls) expect(url).not.toMatch(/fdk_|token=/);

      await signIn.signOut.click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await page.goto(routes.commits());
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fcommits$/);
      await page.context().close();
    });

    test('a viewer sees no mutation buttons on the run and version pages; an operator does', async ({ browser }, info) => {
      info.setTimeout(90_000); // two sign-ins, two roles on two pages, six screenshots
      const { runId, versionId } = await targets();

      const viewer = await newPage(browser);
      const signIn = new SignInPage(viewer.page);
      await signIn.signInFrom(routes.run(runId), server.tokens.viewer);
      await expect(viewer.page).toHaveURL(new RegExp(`/runs/${runId}$`));
      await expect(signIn.role).toHaveText('viewer');
      await expect(viewer.page.getByTestId('run-id')).toHaveText(runId);
      await expect(viewer.page.getByTestId('role-note')).toHaveText('Read-only');
      await expect(viewer.page.getByRole('button', { name: MUTATIONS })).toHaveCount(0);
      await expect(viewer.page.getByTestId('graph-node').first()).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await viewer.page.emulateMedia({ colorScheme: scheme });
        await viewer.page.screenshot({ path: `${SCREENSHOTS}/auth-viewer-run-${scheme}.png`, fullPage: true });
        await viewer.page.locator('aside').screenshot({ path: `${SCREENSHOTS}/auth-signed-in-${scheme}.png` });
      }
      const versionPage = new VersionPage(viewer.page);
      await versionPage.goto(versionId);
      await expect(viewer.page.getByTestId('role-note')).toHaveText('Read-only');
      await expect(viewer.page.getByRole('button', { name: MUTATIONS })).toHaveCount(0);
      for (const scheme of ['light', 'dark'] as const) {
        await viewer.page.emulateMedia({ colorScheme: scheme });
        await viewer.page.screenshot({ path: `${SCREENSHOTS}/auth-viewer-version-${scheme}.png` });
      }
      await viewer.page.context().close();

      const operator = await newPage(browser);
      await new SignInPage(operator.page).signInFrom(routes.run(runId), server.tokens.operator);
      for (const name of ['Pause', 'Cancel', 'Upgrade…']) await expect(operator.page.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(operator.page.getByTestId('role-note')).toHaveCount(0);
      const opVersion = new VersionPage(operator.page);
      await opVersion.goto(versionId);
      await expect(opVersion.action('Edit version')).toBeVisible();
      await expect(opVersion.action('Sunset')).toBeVisible();
      await expect(opVersion.action('Delete version')).toHaveCount(0);
      await expect(opVersion.action('Force sunset')).toHaveCount(0);
      await expect(operator.page.getByTestId('role-note')).toHaveText('More with admin');

      // A write from the dashboard: same-origin with the session cookie, recorded under the token's name.
      await operator.page.goto(routes.run(runId));
      await operator.page.getByRole('button', { name: 'Pause', exact: true }).click();
      await operator.page.getByRole('dialog', { name: 'Pause this run?' }).getByRole('button', { name: 'Pause run' }).click();
      await expect.poll(async () => (await as('viewer').run(runId)).phase).toBe('paused');
      const [last] = (await as('viewer').commits({ limit: 1 })).items;
      expect(last).toMatchObject({ action: 'run.pause', actor: 'e2e-operator' });

      // The same cookie from another site, or without an Origin: 403 csrf, nothing changes.
      const run = await as('viewer').run(runId);
      for (const headers of [{ origin: 'http://evil.example' }, {}] as Record<string, string>[]) {
        const res = await FlowdeckApi.of(operator.page.request).call('POST', routes.api.runResume(runId), { expectedVersion: run.rowVersion }, headers);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'csrf' } });
      }
      expect((await as('viewer').run(runId)).phase).toBe('paused');
      const same = await FlowdeckApi.of(operator.page.request).call(
        'POST',
        routes.api.runResume(runId),
        { expectedVersion: run.rowVersion },
        { origin: server.baseURL },
      );
      expect(same.status).toBe(200);
      await operator.page.context().close();
    });
  });

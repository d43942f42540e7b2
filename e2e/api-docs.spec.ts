import { expect, test } from '@playwright/test';
import type { OpenApiDocument } from '@/lib/api/openapi';
import { routes } from '@/lib/routes';
import { FlowdeckApi } from './fixtures/api';
import { ApiDocsPage } from './pages/api-docs-page';
import { ShellPage } from './pages/shell-page';
import { shootThemes } from './pages/versions-page';

test.describe('API reference', () => {
  test('lists every endpoint of the OpenAPI document by tag, with roles, fields and how to authenticate', async ({ page, request }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const shell = new ShellPage(page);
    await shell.goto('/runs');
    await shell.navigateTo('API');
    await expect(page).toHaveURL(/\/api-docs$/);
    await expect(page).toHaveTitle('API · Flowdeck');
    await expect(shell.navLink('API')).toHaveAttribute('aria-current', 'page');

    const docs = new ApiDocsPage(page);
    const doc = await FlowdeckApi.of(request).ok<OpenApiDocument>('GET', routes.api.openapi());
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect(docs.endpoints).toHaveCount(operations);
    await expect(docs.groups).toHaveCount(new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags))).size);
    await expect(docs.openApiLink).toHaveAttribute('href', '/api/v1/openapi.json');
    await expect(docs.curlExample).toContainText('Authorization: Bearer $FLOWDECK_TOKEN');

    const list = docs.endpoint('GET', '/api/v1/runs');
    await expect(list).toHaveCount(1);
    await expect(list.getByTestId('role-badge')).toHaveText('viewer');
    await list.locator('summary').click();
    await expect(list.getByRole('cell', { name: 'limit' })).toBeVisible();
    await expect(list).toContainText('1–200 · default 50');

    const create = docs.endpoint('POST', '/api/v1/versions');
    await expect(create.getByTestId('role-badge')).toHaveText('operator');
    await create.locator('summary').click();
    await expect(create).toContainText('up to 4 MiB');
    await expect(create.getByTestId('json-viewer')).toBeVisible();
    await expect(docs.endpoint('DELETE', '/api/v1/versions/{id}').getByTestId('role-badge')).toHaveText('admin');
    await expect(docs.endpoint('GET', '/api/v1/health').getByTestId('role-badge')).toHaveText('public');

    await shootThemes(page, 'api-docs');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await create.screenshot({ path: `test-results/screenshots/api-docs-endpoint-${scheme}.png` });
      await docs.page.getByTestId('auth-guide').screenshot({ path: `test-results/screenshots/api-docs-auth-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(errors).toEqual([]);
  });

  test('the server answers unknown paths, wrong methods and OPTIONS in the error envelope', async ({ request }) => {
    const api = FlowdeckApi.of(request);
    const wrong = await api.call('DELETE', routes.api.runs());
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(wrong.headers['x-request-id']).toBeTruthy();
    expect(wrong.body).toMatchObject({ error: { code: 'method_not_allowed' } });

    for (const path of ['/api/v1/nothing', '/api/nothing', '/api']) {
      const missing = await api.call('POST', path, {});
      expect(missing.status, path).toBe(404);
      expect(missing.body, path).toMatchObject({ error: { code: 'not_found' } });
    }

    const options = await api.call('OPTIONS', routes.api.version('vers_x'));
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, PATCH, DELETE, HEAD, OPTIONS');

    const broken = await api.call('GET', '/api/v1/runs/%E0%A4%A');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'invalid_input' } });

    const page = await api.call('GET', routes.apiDocs());
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

import { expect, test } from '@playwright/test';
import { ApiDocsPage } from './pages/api-docs-page';
import { ShellPage } from './pages/shell-page';
import { shootThemes } from './pages/versions-page';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { 'x-flowdeck-role': string }>>;
}

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
    const res = await request.get('/api/v1/openapi.json');
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect(docs.endpoints).toHaveCount(operations);
    await expect(docs.groups).toHaveCount(new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => (op as { tags?: string[] }).tags ?? []))).size);
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
    const wrong = await request.delete('/api/v1/runs');
    expect(wrong.status()).toBe(405);
    expect(wrong.headers().allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(wrong.headers()['x-request-id']).toBeTruthy();
    expect(await wrong.json()).toMatchObject({ error: { code: 'method_not_allowed' } });

    for (const path of ['/api/v1/nothing', '/api/nothing', '/api']) {
      const missing = await request.post(path, { data: {} });
      expect(missing.status(), path).toBe(404);
      expect(await missing.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }

    const options = await request.fetch('/api/v1/versions/vers_x', { method: 'OPTIONS' });
    expect(options.status()).toBe(204);
    expect(options.headers().allow).toBe('GET, PATCH, DELETE, HEAD, OPTIONS');

    const broken = await request.get('/api/v1/runs/%E0%A4%A');
    expect(broken.status()).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'invalid_input' } });

    const page = await request.get('/api-docs');
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toMatch(/text\/html/);
  });
});

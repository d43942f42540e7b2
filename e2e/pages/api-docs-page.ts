import { expect, type Locator, type Page } from '@playwright/test';
import { routes } from '../../lib/routes';

/** The API reference at /api-docs: how to authenticate, then every endpoint by tag. */
export class ApiDocsPage {
  readonly heading: Locator;
  readonly openApiLink: Locator;
  readonly groups: Locator;
  readonly endpoints: Locator;
  readonly curlExample: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.openApiLink = page.getByTestId('openapi-link');
    this.groups = page.getByTestId('endpoint-group');
    this.endpoints = page.getByTestId('endpoint');
    this.curlExample = page.getByTestId('curl-example');
  }

  async goto(): Promise<void> {
    await this.page.goto(routes.apiDocs());
    await expect(this.heading).toHaveText('API');
  }

  group(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The row of one endpoint, by method and path template. */
  endpoint(method: string, path: string): Locator {
    return this.page.locator(`[data-testid="endpoint"][data-method="${method}"][data-path="${path}"]`);
  }
}

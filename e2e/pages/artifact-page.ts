import type { Locator, Page } from '@playwright/test';

/** A blob's or manifest's page: what it is, its files or manifests, and who produced and consumed it. */
export class ArtifactPage {
  readonly heading: Locator;
  readonly kind: Locator;
  readonly digest: Locator;
  readonly files: Locator;
  readonly listedIn: Locator;
  readonly producedBy: Locator;
  readonly consumedBy: Locator;
  readonly digestInput: Locator;
  readonly open: Locator;
  readonly problem: Locator;
  readonly invalid: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.kind = page.getByTestId('artifact-kind');
    this.digest = page.getByTestId('artifact-digest');
    this.files = page.getByTestId('manifest-file');
    this.listedIn = page.getByTestId('artifact-manifests');
    this.producedBy = page.getByTestId('produced-by');
    this.consumedBy = page.getByTestId('consumed-by');
    const form = page.getByRole('search', { name: 'Open an artifact by digest' });
    this.digestInput = form.getByRole('textbox', { name: 'Digest' });
    this.open = form.getByRole('button', { name: 'Open' });
    this.problem = form.getByRole('alert');
    this.invalid = page.getByTestId('invalid-digest');
  }

  async goto(digest: string): Promise<void> {
    await this.page.goto(`/artifacts/${digest}`);
  }

  rows(table: Locator): Locator {
    return table.getByTestId('usage-row');
  }

  async openDigest(text: string): Promise<void> {
    await this.digestInput.fill(text);
    await this.open.click();
  }
}

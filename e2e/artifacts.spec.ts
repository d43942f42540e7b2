import { expect, type Page, test } from '@playwright/test';
import { shortDigest } from '@/lib/domain/digest-format';
import { routes } from '@/lib/routes';
import { FlowdeckApi } from './fixtures/api';
import { type ArtifactRun, seedArtifactRun } from './fixtures/artifact-run';
import { SCREENSHOTS, shootThemes } from './fixtures/screenshots';
import { ArtifactPage } from './pages/artifact-page';

const shoot = (page: Page, name: string) => shootThemes(page, `run-${name}`, { fullPage: true });
test.describe('artifact pages', () => {
  // Screenshots in two themes and a loaded CI machine take their time.
  test.describe.configure({ timeout: 90_000 });
  let seeded: ArtifactRun;

  test.beforeAll(async ({ request }) => {
    seeded = await seedArtifactRun(FlowdeckApi.of(request));
  });

  test('a manifest lists its files, the steps that produced it and those that consumed it', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    const artifact = new ArtifactPage(page);
    await artifact.goto(seeded.current.digest);

    await expect(artifact.heading).toContainText(shortDigest(seeded.current.digest));
    await expect(artifact.kind).toHaveText('Manifest');
    await expect(artifact.digest).toContainText(seeded.current.digest);
    await expect(artifact.files).toHaveCount(3);

    const produced = artifact.rows(artifact.producedBy);
    await expect(produced).toHaveCount(1);
    await expect(produced.first()).toContainText('build');
    await expect(produced.first()).toContainText(seeded.workflow);
    await expect(produced.first().getByRole('link', { name: seeded.runId })).toHaveAttribute('href', routes.run(seeded.runId));

    const consumed = artifact.rows(artifact.consumedBy);
    await expect(consumed).toHaveCount(1);
    await expect(consumed.first()).toContainText('push-image');
    await expect(consumed.first().getByRole('link', { name: 'build' })).toHaveAttribute('href', routes.run(seeded.runId, { node: 'build' }));
    await shoot(page, 'artifact');

    // Each row leads to the run, opened on the step.
    await consumed.first().getByRole('link', { name: 'push-image' }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${seeded.runId}\\?node=push-image`));
    await expect(page.getByTestId('node-panel').getByRole('heading', { name: 'push-image' })).toBeVisible();
    expect(errors, 'no page or console errors').toEqual([]);
  });

  test('the stale manifest was consumed from a producer that publishes something else now', async ({ page }) => {
    const artifact = new ArtifactPage(page);
    await artifact.goto(seeded.stale.digest);
    await expect(artifact.rows(artifact.producedBy)).toHaveCount(0);
    await expect(artifact.producedBy).toContainText('No step of any run published this artifact.');
    const consumed = artifact.rows(artifact.consumedBy);
    await expect(consumed).toHaveCount(1);
    await expect(consumed.first()).toContainText('scan-image');
    await expect(consumed.first()).toContainText(shortDigest(seeded.stale.digest));
  });

  test('a blob names the manifests that list it and who produced them', async ({ page }) => {
    const artifact = new ArtifactPage(page);
    await artifact.goto(seeded.blob);
    await expect(artifact.kind).toHaveText('Blob');
    await expect(artifact.listedIn.getByRole('link')).toHaveCount(1);
    await expect(artifact.listedIn.getByRole('link')).toHaveAttribute('href', routes.artifact(seeded.current.digest));
    await expect(artifact.rows(artifact.producedBy).first()).toContainText('build');
    await shoot(page, 'artifact-blob');
  });

  test('the digest form validates, forgives a bare hex digest, and unknown or malformed digests are explained', async ({ page }) => {
    const artifact = new ArtifactPage(page);
    await artifact.goto(seeded.blob);
    await artifact.openDigest('sha256:not-hex');
    await expect(artifact.problem).toContainText('64 hexadecimal digits');
    await artifact.openDigest(seeded.current.digest.slice(7).toUpperCase());
    await expect(page).toHaveURL(routes.artifact(seeded.current.digest));
    await expect(artifact.kind).toHaveText('Manifest');

    const unknown = `sha256:${'0'.repeat(64)}`;
    await page.goto(routes.artifact(unknown));
    await expect(page.getByRole('heading', { name: 'Artifact not found' })).toBeVisible();
    await expect(page.locator('meta[name="robots"][content~="noindex"]').first()).toBeAttached();

    await page.goto('/artifacts/sha1:abc');
    await expect(page.getByRole('heading', { name: 'That is not a digest' })).toBeVisible();
    await expect(artifact.invalid).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/run-artifact-invalid-light.png`, fullPage: true });
  });
});

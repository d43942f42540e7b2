import type { Locator, Page } from '@playwright/test';

export type Section = 'Runs' | 'Versions' | 'Commits' | 'API';
export type ThemeChoice = 'System' | 'Light' | 'Dark';

/** The dashboard frame: brand, main navigation, theme switch and store status. */
export class ShellPage {
  readonly html: Locator;
  readonly nav: Locator;
  readonly brand: Locator;
  readonly storeStatus: Locator;
  readonly themeToggle: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.html = page.locator('html');
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.brand = page.getByRole('link', { name: 'Flowdeck home' });
    this.storeStatus = page.getByTestId('store-status');
    this.themeToggle = page.getByRole('radiogroup', { name: 'Theme' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  navLink(section: Section): Locator {
    return this.nav.getByRole('link', { name: section, exact: true });
  }

  themeOption(choice: ThemeChoice): Locator {
    return this.themeToggle.getByRole('radio', { name: `${choice} theme` });
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  async navigateTo(section: Section): Promise<void> {
    await this.navLink(section).click();
  }

  async setTheme(choice: ThemeChoice): Promise<void> {
    await this.themeOption(choice).click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in page, and the signed-in status in the shell. */
export class SignInPage {
  readonly form: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly authStatus: Locator;
  readonly actor: Locator;
  readonly role: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('sign-in-form');
    this.token = page.getByLabel('API token');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByTestId('sign-in-error');
    this.authStatus = page.getByTestId('auth-status');
    this.actor = page.getByTestId('auth-actor');
    this.role = page.getByTestId('auth-role');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  async signIn(token: string): Promise<void> {
    await this.token.fill(token);
    await this.submit.click();
  }

  /** From any page: lands on the sign-in page, signs in, and waits to be sent on. */
  async signInFrom(path: string, token: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.form).toBeVisible();
    await this.signIn(token);
    await expect(this.authStatus).toHaveAttribute('data-mode', 'on');
  }
}

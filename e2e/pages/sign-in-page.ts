import { expect, type Locator, type Page } from '@playwright/test';
import type { TeamMember } from '../team-members';

export type DemoUser = 'Ada Admin' | 'Riley Rep' | 'Sam Rep' | 'Val Viewer';

/** Anyone the sign-in page may offer: the demo users, and the e2e server's team members. */
export type SignInUser = DemoUser | TeamMember;

/** The signed-out app and the server's authorization page behind its "Sign in" button. */
export class SignInPage {
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  /** "Signed in as …" in the app bar. */
  readonly signedInUser: Locator;
  /** The heading of the server's authorization page, which lists the users to continue as. */
  readonly authorizationHeading: Locator;

  constructor(private readonly page: Page) {
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signOutButton = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
    this.signedInUser = page.getByRole('banner').getByText(/^Signed in as \S/);
    this.authorizationHeading = page.getByRole('heading', {
      name: 'Sign in to Phone Numbers Admin',
    });
  }

  async goto(path = '/') {
    await this.page.goto(path);
  }

  /** The authorization page's button for a user ("Continue as Riley Rep", followed by the role). */
  continueAs(user: SignInUser): Locator {
    return this.page.getByRole('button', { name: `Continue as ${user}` });
  }

  /** Signs in through the real OAuth page and waits until the app shows the user as signed in. */
  async signInAs(user: SignInUser) {
    await this.signInButton.click();
    await this.continueAs(user).click();
    await expect(this.signOutButton).toBeVisible();
  }

  async signOut() {
    await this.signOutButton.click();
  }
}

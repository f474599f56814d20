import { test as base } from '@playwright/test';
import { ProspectsPage } from './pages/prospects-page';
import { SignInPage, type DemoUser } from './pages/sign-in-page';

interface Fixtures {
  /** Who `prospectsPage` signs in as; change it with test.use({ demoUser: 'Val Viewer' }). */
  demoUser: DemoUser;
  signInPage: SignInPage;
  /** The app, signed in as `demoUser` through the server's real OAuth page. */
  prospectsPage: ProspectsPage;
}

export const test = base.extend<Fixtures>({
  demoUser: ['Riley Rep', { option: true }],
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  prospectsPage: async ({ page, signInPage, demoUser }, use) => {
    await signInPage.goto();
    await signInPage.signInAs(demoUser);
    await use(new ProspectsPage(page));
  },
});

export { expect } from '@playwright/test';

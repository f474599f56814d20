import { test as base } from '@playwright/test';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage, type DemoUser } from './pages/sign-in-page';

interface Fixtures {
  /** Who `phoneNumbersPage` signs in as; change it with test.use({ demoUser: 'Val Viewer' }). */
  demoUser: DemoUser;
  signInPage: SignInPage;
  /** The app's /phone-numbers page, signed in as `demoUser` through the server's real OAuth page. */
  phoneNumbersPage: PhoneNumbersPage;
}

export const test = base.extend<Fixtures>({
  demoUser: ['Riley Rep', { option: true }],
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  phoneNumbersPage: async ({ page, signInPage, demoUser }, use) => {
    await signInPage.goto('/phone-numbers');
    await signInPage.signInAs(demoUser);
    await use(new PhoneNumbersPage(page));
  },
});

export { expect } from '@playwright/test';

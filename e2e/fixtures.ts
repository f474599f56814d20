import { test as base } from '@playwright/test';
import { DemoApi } from './demo-api';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage, type DemoUser } from './pages/sign-in-page';

interface Fixtures {
  /** Who `phoneNumbersPage` signs in as; change it with test.use({ demoUser: 'Val Viewer' }). */
  demoUser: DemoUser;
  signInPage: SignInPage;
  /** The app's /phone-numbers page, signed in as `demoUser` through the server's real OAuth page. */
  phoneNumbersPage: PhoneNumbersPage;
  /** The same server's API with the `dev-admin` token, to compare the page with. */
  api: DemoApi;
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
  api: async ({ request }, use) => {
    await use(new DemoApi(request));
  },
});

/** Tall enough for the grid to render every row of a page of 25 (it renders only the rows in view). */
export const TALL_VIEWPORT = { width: 1280, height: 1600 };

export { expect } from '@playwright/test';

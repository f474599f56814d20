import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';

// axe is injected as an inline script, which the pages' Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe finds nothing to report, in the ${colorScheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    /** The app follows the system's scheme: wait until it has, before looking at its colours. */
    const inScheme = (page: Page) =>
      expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme);

    test('on the signed-out app', async ({ page, signInPage }) => {
      await signInPage.goto('/phone-numbers');
      await expect(signInPage.signInButton).toBeVisible();
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test("on the server's sign-in page", async ({ page, signInPage }) => {
      await signInPage.goto('/phone-numbers');
      await signInPage.signInButton.click();
      await expect(signInPage.continueAs('Riley Rep')).toBeVisible();

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on the grid with rows', async ({ page, signInPage }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await signInPage.goto('/phone-numbers');
      await signInPage.signInAs('Riley Rep');
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      await expect(phoneNumbersPage.grid).toHaveAttribute('aria-busy', 'false');
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on the filters, with a country, a backwards Updated range and My prospects chosen', async ({
      page,
      signInPage,
    }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await signInPage.goto('/phone-numbers?country=US&updated=2026-09-01..');
      await signInPage.signInAs('Riley Rep');
      await phoneNumbersPage.updatedTo.fill('2026-08-01');
      await expect(phoneNumbersPage.updatedTo).toHaveAccessibleDescription(
        'On or after Updated from',
      );
      await phoneNumbersPage.myProspects.click();
      await expect(phoneNumbersPage.myProspects).toBeChecked();
      await expect(phoneNumbersPage.chosenFilter('United States (US)')).toBeVisible();
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      await expect(phoneNumbersPage.grid).toHaveAttribute('aria-busy', 'false');
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on My prospects refused while a prospect is chosen', async ({ page, signInPage }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await signInPage.goto('/phone-numbers?prospect=1');
      await signInPage.signInAs('Riley Rep');
      await expect(phoneNumbersPage.myProspects).toHaveAttribute('aria-disabled', 'true');
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on the empty state', async ({ page, signInPage, newProspect }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      const prospect = await newProspect('Sam Rep');
      await signInPage.goto(`/phone-numbers?prospect=${prospect.id}`);
      await signInPage.signInAs('Riley Rep');
      await expect(phoneNumbersPage.emptyMessage).toBeVisible();
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on a number search that found nothing, its field explaining a mistake', async ({
      page,
      signInPage,
    }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await signInPage.goto('/phone-numbers?number=%2B1%20999%20555%200000');
      await signInPage.signInAs('Riley Rep');
      await expect(phoneNumbersPage.emptyMessage).toBeVisible();
      await phoneNumbersPage.findNumber('Olivia');
      await expect(phoneNumbersPage.numberSearch).toHaveAccessibleDescription(
        'Type a phone number or some of its digits',
      );
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });

    test('on "Page not found"', async ({ page, signInPage }) => {
      await signInPage.goto('/no-such-page');
      await signInPage.signInAs('Riley Rep');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await inScheme(page);

      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

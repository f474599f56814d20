import type { Page, Route } from '@playwright/test';
import { isPhoneNumber, isProspectNumberList } from './faults';
import { expect, test } from './fixtures';

// Sam Rep works on while the API says "too many requests" and asks him to wait a second.

/** Answers the first matching request with a 429 asking to wait `seconds`; the rest reach the server. */
async function tooManyRequestsOnce(
  page: Page,
  url: (url: URL) => boolean,
  { method, seconds }: { method?: string; seconds: number },
) {
  let answered = false;
  await page.route(url, async (route: Route) => {
    if (answered || (method !== undefined && route.request().method() !== method)) {
      await route.fallback();
      return;
    }
    answered = true;
    await route.fulfill({
      status: 429,
      contentType: 'application/vnd.api+json',
      headers: { 'Retry-After': String(seconds) },
      json: {
        errors: [
          {
            id: 'rateLimitExceeded',
            title: 'Rate Limit Exceeded',
            detail: 'Too many requests for this token.',
            status: '429',
          },
        ],
      },
    });
  });
}

test.use({ demoUser: 'Sam Rep' });

test.describe('After a 429 with Retry-After', () => {
  test('the list waits as asked, says so, and loads', async ({
    page,
    phoneNumbersPage,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await tooManyRequestsOnce(page, isProspectNumberList(prospect.id), { seconds: 2 });

    await phoneNumbersPage.chooseProspect(prospect.name);

    await expect(phoneNumbersPage.rateLimitNotice).toHaveText(
      /^Too many requests — trying again in [12] s$/,
    );
    // The wait itself, then the load.
    await expect(phoneNumbersPage.row(number.shown)).toBeVisible({ timeout: 15_000 });
    await expect(phoneNumbersPage.rateLimitNotice).toBeHidden();
    await expect(phoneNumbersPage.loadError).toBeHidden();
  });

  test("an edit keeps the rep's value through the wait, says so, and is saved on its own", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    await tooManyRequestsOnce(page, isPhoneNumber(number.id), { method: 'PATCH', seconds: 2 });

    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Verified');

    await expect(phoneNumbersPage.rateLimitNotice).toHaveText(
      /^Too many requests — trying again in [12] s$/,
    );
    await expect(phoneNumbersPage.cell(number.shown, 'Status')).toHaveText('Verified');
    await expect.poll(async () => (await api.phoneNumber(number.id))?.status).toBe('verified');
    await expect(phoneNumbersPage.rateLimitNotice).toBeHidden();
    await expect(phoneNumbersPage.cell(number.shown, 'Status')).toHaveText('Verified');
    // Said as saved, with nothing of the wait's failure.
    await expect(phoneNumbersPage.snackbar).toContainText(
      `Status of ${number.shown} changed to Verified`,
    );
  });
});

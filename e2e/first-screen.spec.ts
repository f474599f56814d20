import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';

/** The app's requests for data: its API and its session check. */
const isDataRequest = (request: Request) => {
  const { pathname } = new URL(request.url());
  return pathname.startsWith('/api/') || pathname === '/auth/session';
};

test.describe('The first screen', () => {
  test("asks for its data as the page starts, before the app's code has loaded, and once", async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const [numbers] = (await api.phoneNumbers({ prospect: 1, sort: 'order' })).pages;
    // The sign-in's own page is done before this page starts.
    await page.waitForLoadState('networkidle');
    const asked: string[] = [];
    let listAsked: () => void = () => undefined;
    const listAskedBefore = new Promise<void>((resolve) => {
      listAsked = resolve;
    });
    page.on('request', (request) => {
      if (!isDataRequest(request)) return;
      asked.push(request.url());
      if (new URL(request.url()).pathname === '/api/v2/phoneNumbers') listAsked();
    });
    // The app's code is held back until the list has been asked for: only the entry module's early
    // request can let it through (the app's own would come after its code).
    let heldBack = false;
    await page.route('**/assets/start-app-*.js', async (route) => {
      heldBack = await Promise.race([
        listAskedBefore.then(() => true),
        new Promise<boolean>((resolve) =>
          setTimeout(() => {
            resolve(false);
          }, 5_000),
        ),
      ]);
      await route.continue();
    });

    await phoneNumbersPage.goto('?prospect=1');

    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      numbers!.map((number) => number.shown),
    );
    expect(heldBack, 'the list was asked for before the app code was let through').toBe(true);
    const paths = asked.map((url) => new URL(url).pathname);
    expect(paths.toSorted()).toEqual([
      '/api/v2',
      '/api/v2/phoneNumbers',
      '/api/v2/prospects/1',
      '/auth/session',
    ]);
  });

  for (const { name, path, asks } of [
    {
      name: 'the prospect page',
      path: '/prospects/1',
      // Its profile, and the panel's prospect (name and country) beside the list.
      asks: ['/api/v2', '/api/v2/phoneNumbers', '/api/v2/prospects/1', '/api/v2/prospects/1'],
    },
    {
      name: 'the panel other sites frame',
      path: '/embed/prospects/1/phone-numbers',
      // Who the user is too, for Import CSV.
      asks: ['/api/v2', '/api/v2/phoneNumbers', '/api/v2/prospects/1'],
    },
  ]) {
    test(`${name} asks for what the page start asked for: the app takes those answers`, async ({
      page,
      phoneNumbersPage,
      api,
    }) => {
      const [numbers] = (await api.phoneNumbers({ prospect: 1, sort: 'order' })).pages;
      await phoneNumbersPage.goto();
      await page.waitForLoadState('networkidle');
      // Left before recording: the list it showed may still be asking for its next page in advance.
      await page.goto('about:blank');
      const asked: string[] = [];
      page.on('request', (request) => {
        if (!isDataRequest(request)) return;
        const url = new URL(request.url());
        asked.push(`${url.pathname}${url.search}`);
      });

      await page.goto(path);

      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        numbers!.map((number) => number.shown),
      );
      await page.waitForLoadState('networkidle');
      // The app asked for the very URLs the page start did (a URL the app built otherwise would be a
      // second request to its path). A loaded machine may ask for one again later, when the early
      // answer came too long before the app (early-responses.ts): the same URL, counted once here.
      const paths = [...new Set(asked)].map((url) => url.replace(/\?.*/, ''));
      expect(paths.toSorted(), asked.join('\n')).toEqual([...asks, '/auth/session'].toSorted());
    });
  }

  test('the view chosen next loads its own data', async ({ phoneNumbersPage, api }) => {
    const [numbers] = (await api.phoneNumbers({ prospect: 1, sort: 'order' })).pages;
    await phoneNumbersPage.goto();
    await expect(phoneNumbersPage.grid).toBeVisible();

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      numbers!.map((number) => number.shown),
    );
  });
});

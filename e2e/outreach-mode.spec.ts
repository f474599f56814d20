import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { shownAs } from './demo-api';
import { isSessionCookie, sessionStatus } from './faults';
import { FramingHostPage } from './pages/framing-host-page';
import { PhoneNumbersPanel } from './pages/phone-numbers-panel';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage } from './pages/sign-in-page';
import { recordWhatThePageReads, TOKEN_LIKE, webStorageKeys } from './what-the-page-reads';

// The app's server in AUTH_MODE=outreach against the Outreach simulator, which listens on the port after
// it (scripts/e2e-outreach-server.ts). The simulator seeded Riley's prospect 1 with a number whose status
// Outreach allows and this product's own API does not: "pending".
const PENDING = { number: '+12025550101', status: 'pending' };

/** Allowed to frame the panel by the outreach e2e server's EMBED_ALLOWED_ORIGINS. */
const HOST = 'https://host.test';

// As browsers are heading: a frame on another site gets no unpartitioned cookies at all.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout'],
  },
});

const simulatorOrigin = (baseURL: string) => {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 1);
  return url.origin;
};

/** Signs in through the simulator's Outreach-like consent page, from a prospect's numbers. */
async function signInThroughOutreach(page: Page) {
  const signIn = new SignInPage(page);
  await signIn.goto('/phone-numbers?prospect=1');
  await signIn.signInButton.click();
  await expect(page.getByRole('heading', { name: 'Outreach (simulator)' })).toBeVisible();
  await signIn.continueAs('Riley Rep').click();
  await expect(signIn.signOutButton).toBeVisible();
  return signIn;
}

test.describe('Outreach mode, against the Outreach simulator', () => {
  test("Riley signs in with Outreach and edits a number; a status outside the app's set is shown and kept", async ({
    page,
    baseURL,
  }) => {
    await signInThroughOutreach(page);
    const grid = new PhoneNumbersPage(page);
    const shown = shownAs(PENDING.number);

    await expect(grid.cell(shown, 'Status')).toHaveText(PENDING.status);
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && response.url().includes('/api/v2/phoneNumbers/'),
    );
    await grid.editCell(shown, 'Extension', '42');

    const response = await saved;
    expect(response.status()).toBe(200);
    expect(response.request().postDataJSON()).toMatchObject({
      data: { attributes: { extension: '42' } },
    });
    expect(JSON.stringify(response.request().postDataJSON())).not.toContain('status');
    await expect(grid.row(shownAs(PENDING.number, '42'))).toBeVisible();
    await expect(grid.cell(shownAs(PENDING.number, '42'), 'Status')).toHaveText(PENDING.status);
    // At "Outreach", read with its own development token: changed, and the status kept.
    const id = new URL(response.url()).pathname.split('/').pop();
    const upstream = await page.request.get(
      `${simulatorOrigin(baseURL!)}/api/v2/phoneNumbers/${id}`,
      {
        headers: { Authorization: 'Bearer dev-admin' },
      },
    );
    expect((await upstream.json()) as unknown).toMatchObject({
      data: { attributes: { number: PENDING.number, extension: '42', status: PENDING.status } },
    });
  });

  test('the browser never sees a token: not in web storage, not in a request, not in any body it reads', async ({
    page,
  }) => {
    const reads = recordWhatThePageReads(page);

    await signInThroughOutreach(page);
    await expect(new PhoneNumbersPage(page).rows.first()).toBeVisible();

    expect(await webStorageKeys(page)).toEqual({ local: [], session: [] });
    expect(reads.authorizations).toEqual([]);
    const bodies = await reads.bodies();
    expect(bodies.some(({ url }) => url.includes('/api/v2/phoneNumbers'))).toBe(true);
    for (const { url, body } of bodies) expect(body, url).not.toMatch(TOKEN_LIKE);
  });

  test('signing out ends the session: the old cookie is refused', async ({ page }) => {
    const signIn = await signInThroughOutreach(page);
    const held = (await page.context().cookies()).filter(isSessionCookie);
    expect(held.map(({ name }) => name)).toEqual(['__Host-pna-session']);

    await signIn.signOut();

    await expect(signIn.signInButton).toBeVisible();
    await page.context().addCookies(held);
    expect(await sessionStatus(page)).toBe(401);
    const list = await page.evaluate(
      async () =>
        (
          await fetch('/api/v2/phoneNumbers', {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          })
        ).status,
    );
    expect(list).toBe(401);
  });

  test('in an iframe on another site, with third-party cookies blocked, Sam signs in through a popup and sees his numbers', async ({
    page,
    baseURL,
  }) => {
    const host = new FramingHostPage(page, HOST);
    const panel = new PhoneNumbersPanel(host.frame);
    // Sam's prospect 9 has, at "Outreach", a pager whose status is bad_number.
    await host.open(baseURL!, 9);

    await panel.signInInPopup(page, 'Sam Rep');

    await expect(panel.numberLink(shownAs('+12025550103'))).toBeVisible();
    await expect(panel.cell(shownAs('+12025550103'), 'Type')).toHaveText('pager');
  });
});

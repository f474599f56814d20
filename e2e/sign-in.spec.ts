import { endSessionOnServer, forgeSessionCookie, isSessionCookie, sessionStatus } from './faults';
import { expect, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { recordWhatThePageReads, TOKEN_LIKE, webStorageKeys } from './what-the-page-reads';

test.describe('Signing in and out', () => {
  test('a new user is offered to sign in and sees no phone numbers before', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();

    await expect(signInPage.signInButton).toBeVisible();
    await expect(signInPage.signOutButton).toBeHidden();
    await expect(new PhoneNumbersPage(page).grid).toBeHidden();
  });

  test('after signing in, the authorization code is not left in the address bar', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    await signInPage.signInAs('Riley Rep');

    const url = new URL(page.url());
    expect(url.pathname).toBe('/phone-numbers');
    expect(url.searchParams.has('code')).toBe(false);
    expect(url.searchParams.has('state')).toBe(false);
  });

  test('the app bar says who is signed in', async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signInAs('Sam Rep');

    await expect(signInPage.signedInUser).toHaveText('Signed in as Sam Rep');
  });

  test('signing out ends the session on the server too: the old cookie is refused', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    await signInPage.signInAs('Riley Rep');
    const held = (await page.context().cookies()).filter(isSessionCookie);
    expect(held).toHaveLength(1);
    const loggedOut = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/auth/logout' &&
        response.request().method() === 'POST',
    );

    await signInPage.signOut();

    expect((await loggedOut).status()).toBe(204);
    expect((await page.context().cookies()).filter(isSessionCookie)).toEqual([]);
    await page.context().addCookies(held);
    expect(await sessionStatus(page)).toBe(401);
  });

  test('the browser holds no token: nothing in web storage, none in what the page reads, and a cookie scripts cannot read', async ({
    page,
    signInPage,
  }) => {
    const reads = recordWhatThePageReads(page);
    await signInPage.goto('/phone-numbers');
    await signInPage.signInAs('Riley Rep');
    await expect(new PhoneNumbersPage(page).rows.first()).toBeVisible();

    expect(await webStorageKeys(page)).toEqual({ local: [], session: [] });
    expect(reads.authorizations).toEqual([]);
    const [session] = (await page.context().cookies()).filter(isSessionCookie);
    expect(session).toMatchObject({
      name: '__Host-pna-session',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain('pna-session');
    const bodies = await reads.bodies();
    expect(bodies.length).toBeGreaterThan(0);
    for (const { url, body } of bodies) {
      expect(body, url).not.toMatch(TOKEN_LIKE);
      expect(body, url).not.toContain(session?.value ?? 'no session cookie');
    }
  });

  test('a reload in the same tab keeps the user signed in, with no sign-in prompt meanwhile', async ({
    page,
    phoneNumbersPage,
  }) => {
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const prompted = [...document.querySelectorAll('button')].some(
          (button) => button.textContent === 'Sign in',
        );
        if (prompted) document.documentElement.dataset.signInShown = 'true';
      }).observe(document, { childList: true, subtree: true });
    });

    await page.reload();

    await expect(phoneNumbersPage.grid).toBeVisible();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-sign-in-shown');
  });

  test('a forged session cookie is refused, and the app offers to sign in', async ({
    page,
    signInPage,
    phoneNumbersPage,
  }) => {
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await forgeSessionCookie(page);
    await page.reload();

    await expect(signInPage.signInButton).toBeVisible();
    await expect(phoneNumbersPage.grid).toBeHidden();
    expect(await sessionStatus(page)).toBe(401);
  });

  test('signing out returns to the signed-out state, also after a reload', async ({
    page,
    signInPage,
    phoneNumbersPage,
  }) => {
    await expect(phoneNumbersPage.grid).toBeVisible();

    await signInPage.signOut();

    await expect(signInPage.signInButton).toBeVisible();
    await expect(phoneNumbersPage.grid).toBeHidden();
    await page.reload();
    await expect(signInPage.signInButton).toBeVisible();
    await expect(signInPage.signOutButton).toBeHidden();
  });

  test('a session ended elsewhere asks to sign in again, and returns to the same view', async ({
    page,
    signInPage,
  }) => {
    const view = '/phone-numbers?prospect=1&sort=-phoneType';
    const phoneNumbersPage = new PhoneNumbersPage(page);
    await signInPage.goto(view);
    await signInPage.signInAs('Riley Rep');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await endSessionOnServer(page);

    await phoneNumbersPage.typeFilter.click();
    await page.getByRole('option', { name: 'Mobile', exact: true }).click();

    await expect(page.getByRole('alert')).toHaveText('Your session has ended. Sign in again.');
    await expect(phoneNumbersPage.grid).toBeHidden();
    await signInPage.signInAs('Riley Rep');
    const back = new URL(page.url());
    expect(back.pathname).toBe('/phone-numbers');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      prospect: '1',
      sort: '-phoneType',
      type: 'mobile',
    });
    await expect(phoneNumbersPage.chosenFilter('Mobile')).toBeVisible();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
  });
});

import { z } from 'zod';
import { expect, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';

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

  test('signing out ends the session on the server too', async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signInAs('Riley Rep');
    const stored = await page.evaluate(() => Object.values<string>(sessionStorage));
    const refreshToken = stored.find((value) => !value.startsWith('{'));
    expect(refreshToken).toBeTruthy();
    const revoked = page.waitForResponse((response) => response.url().endsWith('/oauth/revoke'));

    await signInPage.signOut();

    expect((await revoked).status()).toBe(200);
    const reuse = await page.request.post('/oauth/token', {
      form: {
        grant_type: 'refresh_token',
        refresh_token: refreshToken ?? '',
        client_id: 'phone-numbers-admin',
      },
    });
    expect(reuse.status()).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('the access token is kept out of web storage', async ({ page, signInPage }) => {
    await signInPage.goto();
    const tokenResponse = page.waitForResponse(
      (response) => response.url().endsWith('/oauth/token') && response.ok(),
    );
    await signInPage.signInAs('Riley Rep');
    const { access_token: accessToken } = z
      .object({ access_token: z.string() })
      .parse(await (await tokenResponse).json());

    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.values(sessionStorage),
    }));
    expect(storage.local).toEqual([]);
    expect(storage.session.join('\n')).not.toContain(accessToken);
  });

  test('a reload in the same tab keeps the user signed in', async ({ page, phoneNumbersPage }) => {
    await page.reload();

    await expect(phoneNumbersPage.grid).toBeVisible();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
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
    const stored = await page.evaluate(() => Object.values<string>(sessionStorage));
    const refreshToken = stored.find((value) => !value.startsWith('{')) ?? '';
    const revoked = await page.request.post('/oauth/revoke', {
      form: { token: refreshToken, client_id: 'phone-numbers-admin' },
    });
    expect(revoked.status()).toBe(200);

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

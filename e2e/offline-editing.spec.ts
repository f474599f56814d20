import { expect, test } from './fixtures';

// Sam Rep loses his connection while he edits and deletes numbers of his own prospects.

test.use({ demoUser: 'Sam Rep' });

test.describe('Editing offline', () => {
  test('an edit made offline waits, closing the tab asks first, and it is saved once the network is back', async ({
    page,
    context,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    await expect(phoneNumbersPage.row(number.shown)).toBeVisible();

    await context.setOffline(true);
    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Verified');

    await expect(phoneNumbersPage.pendingChanges).toHaveText(/^1 change waiting for the network/);
    await expect(phoneNumbersPage.cell(number.shown, 'Status')).toHaveText('Verified');
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);
    expect(await api.phoneNumber(number.id)).toMatchObject({ status: 'unverified' });

    await context.setOffline(false);
    await expect(phoneNumbersPage.pendingChanges).toBeHidden();
    await expect.poll(async () => (await api.phoneNumber(number.id))?.status).toBe('verified');
  });

  test('a delete made offline waits for the network too, and is sent once it is back', async ({
    context,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    await expect(phoneNumbersPage.row(number.shown)).toBeVisible();

    await context.setOffline(true);
    await phoneNumbersPage.delete(number.shown);

    await expect(phoneNumbersPage.row(number.shown)).toBeHidden();
    await expect(phoneNumbersPage.pendingChanges).toHaveText(/^1 change waiting for the network/);
    // Past the undo window, the delete still waits rather than failing.
    await expect(phoneNumbersPage.snackbar).toBeHidden({ timeout: 15_000 });
    await expect(phoneNumbersPage.pendingChanges).toBeVisible();
    await expect(phoneNumbersPage.row(number.shown)).toBeHidden();
    expect(await api.phoneNumber(number.id)).toBeDefined();

    await context.setOffline(false);
    await expect.poll(() => api.phoneNumber(number.id)).toBeUndefined();
    await expect(phoneNumbersPage.pendingChanges).toBeHidden();
  });
});

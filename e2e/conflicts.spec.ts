import type { Browser } from '@playwright/test';
import { expect, TALL_VIEWPORT, test } from './fixtures';
import { ConflictDialog } from './pages/conflict-dialog';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage, type DemoUser } from './pages/sign-in-page';

// Sam Rep and Ada Admin, each in a browser of their own, change the same number of one of Sam's
// prospects.

/** How long "Undo" can take a delete back; the DELETE is sent after it. */
const UNDO_WINDOW_MS = 6000;

/** A second person, signed in in a browser context of their own, on one prospect's numbers. */
async function openAs(browser: Browser, user: DemoUser, prospectId: number) {
  const context = await browser.newContext({ viewport: TALL_VIEWPORT });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto(`/phone-numbers?prospect=${prospectId}`);
  await signIn.signInAs(user);
  return { context, numbers: new PhoneNumbersPage(page) };
}

test.describe('Two people changing one number', () => {
  test.use({ viewport: TALL_VIEWPORT, demoUser: 'Sam Rep' });
  // Two people sign in, each in a browser of their own.
  test.slow();

  test('the later save shows the number as it is now, keeps the change, and applies it again', async ({
    browser,
    page,
    phoneNumbersPage,
    editDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    await phoneNumbersPage.rowAction('Edit', number.shown).click();
    await editDialog.fill({ extension: '42' });

    // Meanwhile Ada makes it a mobile number.
    const ada = await openAs(browser, 'Ada Admin', prospect.id);
    await ada.numbers.chooseInCell(number.shown, 'Type', 'Mobile');
    await expect.poll(async () => (await api.phoneNumber(number.id))?.phoneType).toBe('mobile');

    await editDialog.save();
    const conflict = new ConflictDialog(page);
    await expect(conflict.dialog).toContainText('Someone changed this number at');
    await expect(conflict.dialog).toContainText(`It is now ${number.shown}`);
    await expect(conflict.change('Extension')).toContainText('42');
    // Nothing of Sam's was written over Ada's change.
    expect(await api.phoneNumber(number.id)).toMatchObject({
      phoneType: 'mobile',
      extension: null,
    });

    await conflict.apply();

    await expect(conflict.dialog).toBeHidden();
    await expect(phoneNumbersPage.snackbar).toContainText('Phone number saved');
    expect(await api.phoneNumber(number.id)).toMatchObject({
      phoneType: 'mobile',
      extension: '42',
    });
    await ada.context.close();
  });

  test('a delete confirmed from an older view asks again, naming the number as it is now', async ({
    browser,
    page,
    phoneNumbersPage,
    deleteDialog,
    api,
    addNumber,
    newProspect,
    newNumber,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await page.clock.install();
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    await phoneNumbersPage.rowAction('Delete', number.shown).click();
    await expect(deleteDialog.dialog).toContainText(`${number.shown} (Work) will be deleted.`);

    // Meanwhile Ada corrects the number.
    const ada = await openAs(browser, 'Ada Admin', prospect.id);
    const corrected = await newNumber();
    await ada.numbers.editCell(number.shown, 'Number', corrected);
    await expect.poll(async () => (await api.phoneNumber(number.id))?.number).toBe(corrected);
    const now = await api.phoneNumber(number.id);

    await deleteDialog.confirm();
    await page.clock.runFor(UNDO_WINDOW_MS);

    await expect(deleteDialog.dialog).toContainText('so it was not deleted');
    await expect(deleteDialog.dialog).toContainText(`${now!.shown} (Work) will be deleted.`);
    expect(await api.phoneNumber(number.id)).toBeDefined();

    await deleteDialog.confirm();
    await page.clock.runFor(UNDO_WINDOW_MS);
    await expect.poll(() => api.phoneNumber(number.id)).toBeUndefined();
    await ada.context.close();
  });
});

import { expect, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage } from './pages/sign-in-page';
import { answer, recordWrites } from './requests';

// Riley Rep (the fixtures' default user) deletes numbers she adds to her own prospects.

/** How long "Undo" can take a delete back; the DELETE is sent after it. */
const UNDO_WINDOW_MS = 6000;

test.describe('Deleting a number, with a moment to undo it', () => {
  test('the row goes at once, the snackbar offers Undo, and without it the number is gone for good', async ({
    page,
    phoneNumbersPage,
    deleteDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    // Another number stays, so that the reloaded page has a row to show once it has loaded.
    const kept = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.rowAction('Delete', number.shown).click();
    await expect(deleteDialog.dialog).toContainText(`${number.shown} (Work) will be deleted.`);
    const deleted = answer(page, 'DELETE', number.id);
    await deleteDialog.confirm();

    await expect(phoneNumbersPage.row(number.shown)).toBeHidden();
    // It names the number it deleted.
    await expect(phoneNumbersPage.snackbar).toContainText(`Deleted ${number.shown}`);
    await expect(phoneNumbersPage.undoButton).toBeVisible();
    expect((await deleted).status()).toBe(204);
    await page.reload();
    await expect(phoneNumbersPage.row(kept.shown)).toBeVisible();
    await expect(phoneNumbersPage.row(number.shown)).toBeHidden();
    expect(await api.phoneNumber(number.id)).toBeUndefined();
  });

  test('Undo brings back the very same number, in its place, and nothing is deleted', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await addNumber(prospect.id);
    const numbers = await api.numbersOf(prospect.id);
    await page.clock.install();
    await phoneNumbersPage.chooseProspect(prospect.name);
    const numbersShown = phoneNumbersPage.shownNumbers();
    await expect(numbersShown).toHaveText(numbers.map((each) => each.shown));
    const writes = recordWrites(page);

    await phoneNumbersPage.delete(number.shown);
    await expect(phoneNumbersPage.row(number.shown)).toBeHidden();
    await phoneNumbersPage.undoButton.click();

    await expect(numbersShown).toHaveText(numbers.map((each) => each.shown));
    await expect(phoneNumbersPage.snackbar).toBeHidden();
    await page.clock.runFor(2 * UNDO_WINDOW_MS);
    await page.reload();
    await expect(numbersShown).toHaveText(numbers.map((each) => each.shown));
    expect(writes).toEqual([]);
    expect(await api.numbersOf(prospect.id)).toEqual(numbers);
  });

  test('closing the page before the moment is over still deletes the number', async ({
    browser,
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.delete(number.shown);
    await expect(phoneNumbersPage.undoButton).toBeVisible();
    await page.close({ runBeforeUnload: true });

    await expect.poll(() => api.phoneNumber(number.id)).toBeUndefined();
    // Riley comes back later, in a new browser session: the number is not among the prospect's.
    const context = await browser.newContext();
    const later = await context.newPage();
    const signInLater = new SignInPage(later);
    await signInLater.goto(`/phone-numbers?prospect=${prospect.id}`);
    await signInLater.signInAs('Riley Rep');
    const left = (await api.numbersOf(prospect.id)).map((each) => each.shown);
    expect(left).not.toContain(number.shown);
    await expect(new PhoneNumbersPage(later).shownNumbers()).toHaveText(left);
    await context.close();
  });

  test('signing out before the moment is over still deletes the number', async ({
    phoneNumbersPage,
    signInPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.delete(number.shown);
    await expect(phoneNumbersPage.undoButton).toBeVisible();
    await signInPage.signOut();

    await expect(signInPage.signInButton).toBeVisible();
    await expect.poll(() => api.phoneNumber(number.id)).toBeUndefined();
  });
});

test.describe('Where the focus goes after a delete with the mouse', () => {
  // Ada may delete on any prospect: here one of Riley's.
  test.use({ demoUser: 'Ada Admin' });

  test('to the number that takes its place, or the one before it; after Undo, to the number back', async ({
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect('Riley Rep');
    const first = await addNumber(prospect.id);
    const second = await addNumber(prospect.id);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      (await api.numbersOf(prospect.id)).map((each) => each.shown),
    );

    await phoneNumbersPage.delete(first.shown);
    await expect(phoneNumbersPage.row(first.shown)).toBeHidden();
    await expect(phoneNumbersPage.numberLink(second.shown)).toBeFocused();

    await phoneNumbersPage.undoButton.click();
    await expect(phoneNumbersPage.numberLink(first.shown)).toBeFocused();

    // The last number: the one before it takes the focus.
    await phoneNumbersPage.delete(second.shown);
    await expect(phoneNumbersPage.row(second.shown)).toBeHidden();
    await expect(phoneNumbersPage.numberLink(first.shown)).toBeFocused();
  });
});

import { expect, test } from './fixtures';
import { tabTo } from './keyboard';
import { PhoneNumbersPage } from './pages/phone-numbers-page';

test('Riley does it all with the keyboard: signs in, picks a prospect, sorts and pages', async ({
  page,
  signInPage,
  api,
}) => {
  // Some sixty key presses, each waited for: 17–19 s on a quiet 2-core machine, over 30 s on a busy one.
  test.slow();
  const phoneNumbersPage = new PhoneNumbersPage(page);
  const { count } = await api.phoneNumbers();
  const [byNumber] = (await api.phoneNumbers({ prospect: 1, sort: 'number' })).pages;
  const [byNumberDescending] = (await api.phoneNumbers({ prospect: 1, sort: '-number' })).pages;
  await signInPage.goto('/phone-numbers');

  await tabTo(page, signInPage.signInButton);
  await page.keyboard.press('Enter');
  await expect(signInPage.authorizationHeading).toBeVisible();
  await tabTo(page, signInPage.continueAs('Riley Rep'));
  await page.keyboard.press('Enter');
  await expect(signInPage.signedInUser).toHaveText('Signed in as Riley Rep');

  await tabTo(page, phoneNumbersPage.prospectCombobox);
  await page.keyboard.type('Olivia García');
  await expect(page.getByRole('option', { name: /^Olivia García · / })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/phone-numbers\?prospect=1$/);
  await expect(phoneNumbersPage.prospectCombobox).toHaveValue('Olivia García · Acme Corporation');

  const number = phoneNumbersPage.columnHeader('Number');
  const numbersShown = phoneNumbersPage.shownNumbers();
  // The grid's first header is its "Select all rows" checkbox; Number is the next one.
  await tabTo(page, phoneNumbersPage.selectAllCheckbox);
  await page.keyboard.press('ArrowRight');
  await expect(number).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(number).toHaveAttribute('aria-sort', 'ascending');
  await expect(numbersShown).toHaveText(byNumber!.map((each) => each.shown));
  await page.keyboard.press('Enter');
  await expect(number).toHaveAttribute('aria-sort', 'descending');
  await expect(numbersShown).toHaveText(byNumberDescending!.map((each) => each.shown));
  await page.keyboard.press('ArrowDown');
  // Its link, which Enter would dial, takes the focus.
  await expect(phoneNumbersPage.numberLink(byNumberDescending![0]!.shown)).toBeFocused();
  await expect(numbersShown.first()).toHaveText(byNumberDescending![0]!.shown);

  // Escape in the combobox lets go of the prospect: all numbers again, pages of them.
  await tabTo(page, phoneNumbersPage.prospectCombobox, { backwards: true });
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/phone-numbers\?sort=-number$/);
  await expect(phoneNumbersPage.pages).toContainText(`1–50 of ${count}`);

  await tabTo(page, phoneNumbersPage.nextPageButton);
  await page.keyboard.press('Enter');
  await expect(phoneNumbersPage.pages).toContainText(`51–100 of ${count}`);
  await expect(phoneNumbersPage.nextPageButton).toBeFocused();
  await tabTo(page, phoneNumbersPage.previousPageButton, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(phoneNumbersPage.pages).toContainText(`1–50 of ${count}`);

  await tabTo(page, phoneNumbersPage.rowsPerPage, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: '50', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/phone-numbers\?sort=-number&size=25$/);
  await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${count}`);
});

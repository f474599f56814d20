import { endSessionOnServer } from './faults';
import { expect, test } from './fixtures';

// Sam Rep's session ends on the server (his browser still holds the cookie) just as he edits a number of
// his own prospect.

test.use({ demoUser: 'Sam Rep' });

test('a change the session ended under is offered back after signing in again, and applied', async ({
  page,
  phoneNumbersPage,
  signInPage,
  api,
  addNumber,
  newProspect,
}) => {
  const prospect = await newProspect();
  const number = await addNumber(prospect.id);
  await phoneNumbersPage.chooseProspect(prospect.name);
  await expect(phoneNumbersPage.row(number.shown)).toBeVisible();
  await endSessionOnServer(page);

  await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Verified');

  await expect(signInPage.signInButton).toBeVisible();
  expect(await api.phoneNumber(number.id)).toMatchObject({ status: 'unverified' });
  await signInPage.signInAs('Sam Rep');

  await expect(phoneNumbersPage.keptChange).toContainText(
    `Your change to ${number.shown} wasn't saved: your session had ended.`,
  );
  await phoneNumbersPage.keptChange
    .getByRole('button', { name: 'Apply your change again' })
    .click();

  await expect.poll(async () => (await api.phoneNumber(number.id))?.status).toBe('verified');
  await expect(phoneNumbersPage.keptChange).toBeHidden();
  await expect(phoneNumbersPage.cell(number.shown, 'Status')).toHaveText('Verified');
});

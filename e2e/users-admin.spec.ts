import type { Browser } from '@playwright/test';
import { axeViolations, seriousViolations } from './axe';
import { expect, TALL_VIEWPORT, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { ProspectPage } from './pages/prospect-page';
import { SignInPage, type SignInUser } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';
import type { TeamMember } from './team-members';

// Ada Admin manages two people of the team only this spec signs in as (e2e/team-members.ts): Morgan
// Team, whom she gives a prospect and then makes a viewer, and Jordan Team, whom she deactivates. She
// also adds people, with an email and name of the run's own, so that a rerun on the same server adds
// someone new.

// axe is injected as an inline script, which the pages' Content-Security-Policy would refuse.
test.use({ demoUser: 'Ada Admin', viewport: TALL_VIEWPORT, bypassCSP: true });

// What a viewer is told, naming who can.
const NO_WRITE = "Viewers can't change phone numbers; an admin or the prospect's owner can";

/** Someone else, signed in in a browser context of their own, on a view of the phone numbers. */
async function openAs(browser: Browser, user: SignInUser, view: string) {
  const context = await browser.newContext({ viewport: TALL_VIEWPORT });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto(view);
  await signIn.signInAs(user);
  return { context, page, signIn, numbers: new PhoneNumbersPage(page) };
}

test.describe('Ada manages the team on the Users page', () => {
  // Two people sign in, each in a browser of their own.
  test.slow();

  test.beforeEach(async ({ api }) => {
    // As the e2e server seeds them, whatever an earlier run on the same server left.
    for (const name of ['Morgan Team', 'Jordan Team'] satisfies TeamMember[]) {
      const { id } = await api.user(name);
      await api.updateUser(id, { role: 'rep', locked: false });
    }
  });

  test("gives Morgan a prospect, then makes Morgan a viewer: Morgan's page refuses what it allowed", async ({
    browser,
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect('Ada Admin');
    const number = await addNumber(prospect.id);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    // On the prospect's page, Ada gives it to Morgan.
    const prospectPage = new ProspectPage(page);
    await prospectPage.goto(prospect.id);
    await expect(prospectPage.ownerSelect).toBeEnabled();
    await prospectPage.ownerSelect.selectOption({ label: 'Morgan Team' });
    await expect.poll(async () => (await api.prospect(prospect.id)).ownerName).toBe('Morgan Team');

    const morgan = await openAs(browser, 'Morgan Team', `/phone-numbers?prospect=${prospect.id}`);
    await expect(morgan.numbers.numberLink(number.shown)).toBeVisible();
    await expect(morgan.numbers.addButton).toBeEnabled();
    await expect(morgan.numbers.rowAction('Edit', number.shown)).toBeEnabled();
    // Morgan gets as far as the edit dialog while a rep.
    await morgan.numbers.rowAction('Edit', number.shown).click();
    await morgan.numbers.editDialog.fill({ extension: '42' });

    // Ada makes Morgan a viewer, on the Users page the app bar links to.
    const usersPage = new UsersPage(page);
    await usersPage.usersLink.click();
    await expect(usersPage.heading).toBeVisible();
    await expect(usersPage.roleOf('Morgan Team')).toHaveValue('rep');
    await usersPage.roleOf('Morgan Team').selectOption({ label: 'Viewer' });
    await expect.poll(async () => (await api.user('Morgan Team')).role).toBe('viewer');
    await expect(usersPage.roleOf('Morgan Team')).toBeEnabled();
    await expect(usersPage.roleOf('Morgan Team')).toHaveValue('viewer');
    await expect(usersPage.roleRefusal('Morgan Team')).toHaveCount(0);

    // Morgan's very next request is a viewer's: the save is refused, and says why.
    await morgan.numbers.editDialog.save();
    await expect(morgan.numbers.editDialog.failure).toContainText(
      "You no longer have permission to change this prospect's phone numbers.",
    );
    expect((await api.phoneNumber(number.id))?.extension).toBeNull();
    await morgan.numbers.editDialog.cancel();

    // Read again, the numbers offer Morgan nothing to change, and say why.
    await morgan.page.reload();
    await expect(morgan.numbers.numberLink(number.shown)).toBeVisible();
    await expect(morgan.numbers.addButton).toBeDisabled();
    await expect(morgan.numbers.addButton).toHaveAccessibleDescription(NO_WRITE);
    await expect(morgan.numbers.rowAction('Edit', number.shown)).toBeDisabled();
    await expect(morgan.numbers.rowAction('Edit', number.shown)).toHaveAccessibleDescription(
      NO_WRITE,
    );
    await morgan.context.close();
  });

  test('deactivates Jordan: Jordan is signed out at once and cannot sign in again', async ({
    browser,
    page,
    phoneNumbersPage,
    api,
  }) => {
    const jordan = await openAs(browser, 'Jordan Team', '/phone-numbers');
    await expect(jordan.numbers.rows.first()).toBeVisible();

    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const usersPage = new UsersPage(page);
    await usersPage.usersLink.click();
    await expect(usersPage.activeCell('Jordan Team')).toHaveText('Active');
    expect(await axeViolations(page)).toEqual([]);
    const confirm = await usersPage.askTo('Deactivate', 'Jordan Team');
    await expect(confirm.dialog).toContainText('Jordan Team will be signed out everywhere at once');
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.confirmButton.click();
    await expect(confirm.dialog).toBeHidden();
    await expect(usersPage.activeCell('Jordan Team')).toHaveText('Deactivated');
    await expect(usersPage.statusButton('Jordan Team', 'Reactivate')).toBeVisible();
    expect(await api.user('Jordan Team')).toMatchObject({ locked: true, role: 'rep' });

    // Jordan's next request finds the session over.
    await jordan.numbers.typeFilter.click();
    await jordan.page.getByRole('option', { name: 'Mobile', exact: true }).click();
    await expect(jordan.page.getByRole('alert')).toHaveText(
      'Your session has ended. Sign in again.',
    );
    await expect(jordan.numbers.grid).toBeHidden();

    // The sign-in page no longer offers Jordan.
    await jordan.signIn.signInButton.click();
    await expect(jordan.signIn.continueAs('Riley Rep')).toBeVisible();
    await expect(jordan.signIn.continueAs('Jordan Team')).toHaveCount(0);
    await jordan.context.close();
  });

  test('adds a person on the Users page; the same email again, in capitals, is refused at Email', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const run = Date.now().toString(36);
    const email = `noor.${run}@example.com`;
    const name = `Noor Added-${run}`;
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const usersPage = new UsersPage(page);
    await usersPage.usersLink.click();
    await expect(usersPage.heading).toBeVisible();

    const dialog = await usersPage.openAddUser();
    await dialog.add({ email, firstName: 'Noor', lastName: `Added-${run}`, role: 'Rep' });
    await expect(dialog.dialog).toBeHidden();
    await expect(usersPage.addedNotice(name)).toBeVisible();
    await expect(usersPage.row(name)).toContainText(email);
    await expect(usersPage.roleOf(name)).toHaveValue('rep');
    expect(await api.user(name)).toMatchObject({ role: 'rep', locked: false });

    const again = await usersPage.openAddUser();
    await again.add({
      email: email.toUpperCase(),
      firstName: 'Noor',
      lastName: `Again-${run}`,
      role: 'Viewer',
    });
    await expect(again.email).toHaveAccessibleDescription(
      `${email} is already the email of a user; change that user instead.`,
    );
    await expect(again.email).toHaveAttribute('aria-invalid', 'true');
    await expect(again.email).toHaveValue(email.toUpperCase());
    await expect(again.lastName).toHaveValue(`Again-${run}`);
    await again.cancelButton.click();
    await expect(again.dialog).toBeHidden();
    await expect(usersPage.row(`Noor Again-${run}`)).toHaveCount(0);
  });
});

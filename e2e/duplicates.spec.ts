import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { SharedNumbersPage } from './pages/shared-numbers-page';

// axe is injected as an inline script, which the pages' Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

test.describe('A number another prospect already has', () => {
  // Two prospects, a page, a dialog, axe and a save, on a busy machine.
  test.slow();

  test("Riley adds a number Sam's prospect has: the dialog names that prospect, and Save still adds it", async ({
    page,
    phoneNumbersPage,
    addDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const rileys = await newProspect();
    const sams = await newProspect('Sam Rep');
    const existing = await addNumber(sams.id);
    await phoneNumbersPage.goto(`?prospect=${rileys.id}`);
    await expect(phoneNumbersPage.addButton).toBeEnabled();

    await phoneNumbersPage.addButton.click();
    await addDialog.fill({ number: existing.shown });

    await expect(addDialog.number).toHaveAccessibleDescription(`Also on ${sams.name}'s record`);
    const link = addDialog.dialog.getByRole('link', { name: sams.name });
    await expect(link).toHaveAttribute('href', `/prospects/${sams.id}`);
    await expect(addDialog.number).not.toHaveAttribute('aria-invalid', 'true');
    await expect(addDialog.saveButton).toBeEnabled();
    expect(await axeViolations(page)).toEqual([]);

    const created = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.status() === 201,
    );
    await addDialog.save();
    await created;
    await expect(addDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.row(existing.shown)).toHaveCount(1);
    const added = (await api.numbersOf(rileys.id)).filter(
      (each) => each.number === existing.number,
    );
    expect(added).toHaveLength(1);
    for (const each of added) await api.deletePhoneNumber(each.id);
  });

  test("Riley types Sam's prospect's number into a cell: the saved message names that prospect", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const rileys = await newProspect();
    const sams = await newProspect('Sam Rep');
    const existing = await addNumber(sams.id);
    const hers = await addNumber(rileys.id);
    await phoneNumbersPage.goto(`?prospect=${rileys.id}`);

    await phoneNumbersPage.editCell(hers.shown, 'Number', existing.shown);

    await expect(phoneNumbersPage.snackbar).toContainText(
      `Number ${hers.shown} changed to ${existing.shown}`,
    );
    await expect(phoneNumbersPage.snackbar).toContainText(`Also on ${sams.name}'s record`);
    await expect(phoneNumbersPage.snackbar.getByRole('link', { name: sams.name })).toHaveAttribute(
      'href',
      `/prospects/${sams.id}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await api.phoneNumber(hers.id)).toMatchObject({ number: existing.number });
  });
});

test.describe('Shared numbers, for admins', () => {
  test.use({ demoUser: 'Ada Admin' });
  // Two pages and axe twice, on a busy machine.
  test.slow();

  test('Ada opens Shared numbers from the app bar and sees both prospects that hold a number; axe finds nothing, light or dark', async ({
    page,
    phoneNumbersPage,
    addNumber,
    newProspect,
  }) => {
    const rileys = await newProspect('Riley Rep');
    const sams = await newProspect('Sam Rep');
    const first = await addNumber(rileys.id);
    await addNumber(sams.id, { number: first.number });
    const shared = new SharedNumbersPage(page);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await shared.navigationLink.click();
    await expect(shared.heading).toBeVisible();
    await expect(shared.table).toBeVisible();
    // The newest shared numbers may be on a later page, by number.
    while ((await shared.row(first.shown).count()) === 0) {
      await expect(shared.showMoreButton).toBeVisible();
      await shared.showMoreButton.click();
    }
    await expect(shared.prospectLink(first.shown, rileys.name)).toHaveAttribute(
      'href',
      `/prospects/${rileys.id}`,
    );
    await expect(shared.prospectLink(first.shown, sams.name)).toHaveAttribute(
      'href',
      `/prospects/${sams.id}`,
    );

    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
    expect(await axeViolations(page)).toEqual([]);

    await shared.prospectLink(first.shown, sams.name).click();
    await expect(page).toHaveURL(new RegExp(`/prospects/${sams.id}$`));
  });
});

test.describe('Shared numbers, for anyone else', () => {
  test('Riley is told the list is for admins, and is not offered it', async ({
    page,
    phoneNumbersPage,
  }) => {
    const shared = new SharedNumbersPage(page);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect(shared.navigationLink).toHaveCount(0);
    await shared.goto();
    await expect(page.getByText('Only admins can list shared numbers.')).toBeVisible();
    await expect(shared.table).toHaveCount(0);
  });
});

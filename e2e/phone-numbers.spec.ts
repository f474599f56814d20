import { expect, test, TALL_VIEWPORT } from './fixtures';

test.describe("Finding a prospect's phone numbers", () => {
  test('Riley picks Olivia García and sees exactly her numbers, readable and dialable', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const {
      count,
      pages: [numbers],
    } = await api.phoneNumbers({ prospect: 1, sort: 'order' });
    // The story needs a number with an extension; the seed gives Olivia one.
    expect(numbers!.some((number) => number.extension !== null)).toBe(true);

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(page).toHaveURL(/\/phone-numbers\?prospect=1$/);
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('Olivia García · Acme Corporation');
    await expect(phoneNumbersPage.pages).toContainText(`1–${count} of ${count}`);
    // First the column of the rows' checkboxes, which has no text.
    await expect(phoneNumbersPage.grid.getByRole('columnheader')).toHaveText([
      '',
      'Number',
      'Type',
      'Extension',
      'Country',
      'Status',
      'Order',
      'Updated',
      'Actions',
    ]);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      numbers!.map((number) => number.shown),
    );
    // Each number is dialled by its link, but one not to be called, which has none: the seed gives
    // Olivia a "Do not call" number.
    const links = phoneNumbersPage.shownNumbers().getByRole('link');
    expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')))).toEqual(
      numbers!.flatMap((number) => (number.href === null ? [] : [number.href])),
    );
    expect(numbers!.some((number) => number.callBlock === 'Do not call')).toBe(true);
    for (const number of numbers!.filter((each) => each.callBlock !== null)) {
      await expect(phoneNumbersPage.callBlock(number.shown)).toHaveAccessibleName(
        number.callBlock!,
      );
    }
    await expect(phoneNumbersPage.cells('Type')).toHaveText(
      numbers!.map((number) => number.typeLabel),
    );
    await expect(phoneNumbersPage.cells('Extension')).toHaveText(
      numbers!.map((number) => number.extension ?? '—'),
    );
    await expect(phoneNumbersPage.cells('Status')).toHaveText(
      numbers!.map((number) => number.statusLabel),
    );
  });

  test.describe('across prospects', () => {
    test.use({ viewport: TALL_VIEWPORT });

    test('each number names its prospect, with a link to the prospect', async ({
      phoneNumbersPage,
      api,
    }) => {
      const {
        count,
        pages: [numbers],
      } = await api.phoneNumbers({ sort: '-updatedAt', size: 25 });

      await phoneNumbersPage.goto('?size=25');

      await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${count}`);
      await expect(phoneNumbersPage.prospectCombobox).toHaveValue('');
      await expect(phoneNumbersPage.grid.getByRole('columnheader')).toHaveText([
        '',
        'Number',
        'Type',
        'Extension',
        'Country',
        'Status',
        'Order',
        'Updated',
        'Prospect',
        'Actions',
      ]);
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        numbers!.map((number) => number.shown),
      );
      const prospects = phoneNumbersPage.cells('Prospect').getByRole('link');
      await expect(prospects).toHaveText(numbers!.map((number) => number.prospectName ?? ''));
      expect(
        await prospects.evaluateAll((all) => all.map((link) => link.getAttribute('href'))),
      ).toEqual(numbers!.map((number) => `/prospects/${number.prospectId}`));
    });
  });

  test.describe('on a laptop screen 1,440 px wide', () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test('all nine columns across prospects show whole, Actions included, without scrolling sideways', async ({
      phoneNumbersPage,
    }) => {
      await expect(phoneNumbersPage.rows.first()).toBeVisible();

      for (const header of await phoneNumbersPage.grid.getByRole('columnheader').all()) {
        await expect(header).toBeInViewport({ ratio: 1 });
      }
      // By name too: the grid leaves out of the page columns far out of view.
      await expect(phoneNumbersPage.columnHeader('Actions')).toBeInViewport({ ratio: 1 });
    });
  });

  test('a prospect without numbers says so in the grid', async ({
    phoneNumbersPage,
    newProspect,
  }) => {
    const prospect = await newProspect('Sam Rep');

    await phoneNumbersPage.chooseProspect(prospect.name);

    await expect(phoneNumbersPage.emptyMessage).toHaveText(
      'No phone numbers for this prospect yet',
    );
    await expect(phoneNumbersPage.rows).toHaveCount(0);
    await expect(phoneNumbersPage.pages).toContainText('0 of 0');
    await expect(phoneNumbersPage.nextPageButton).toBeDisabled();
  });
});

import { expect, test } from './fixtures';
import type { PhoneNumbersPage, RowAction } from './pages/phone-numbers-page';

// Riley Rep (the fixtures' default user) orders numbers she adds to prospects of hers that had none.

const ORDER_ACTIONS: RowAction[] = ['Make primary', 'Move up', 'Move down'];

/** The Order column, top to bottom, as the numbers the server holds. */
async function expectOrderColumn(phoneNumbersPage: PhoneNumbersPage, orders: (number | null)[]) {
  await expect(phoneNumbersPage.cells('Order')).toHaveText(
    orders.map((order) => (order === null ? '—' : String(order))),
  );
}

test.describe("Putting a prospect's numbers in order", () => {
  test('"Make … primary" puts a number first, and the new order is kept', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    await addNumber(prospect.id);
    const added = await addNumber(prospect.id);
    // Her new number is last, whatever else the prospect holds.
    const numbers = (await api.numbersOf(prospect.id)).map((number) => number.shown);
    const primaryFirst = [added.shown, ...numbers.filter((shown) => shown !== added.shown)];
    await phoneNumbersPage.chooseProspect(prospect.name);
    const numbersShown = phoneNumbersPage.shownNumbers();
    await expect(numbersShown).toHaveText(numbers);
    await expect(
      phoneNumbersPage.rowAction('Make primary', numbers[0]!),
    ).toHaveAccessibleDescription('This is already the primary number');

    await phoneNumbersPage.rowAction('Make primary', added.shown).click();

    await expect(numbersShown).toHaveText(primaryFirst);
    await expect
      .poll(async () => (await api.numbersOf(prospect.id)).map((number) => number.shown))
      .toEqual(primaryFirst);
    await page.reload();
    await expect(numbersShown).toHaveText(primaryFirst);
    await expectOrderColumn(
      phoneNumbersPage,
      (await api.numbersOf(prospect.id)).map((number) => number.order),
    );
    await expect(phoneNumbersPage.rowAction('Make primary', added.shown)).toBeDisabled();
    await expect(
      phoneNumbersPage.rowAction('Make primary', added.shown),
    ).toHaveAccessibleDescription('This is already the primary number');
  });

  test('"Move … up" and "Move … down" swap neighbours, and the new order is kept', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    await addNumber(prospect.id);
    await addNumber(prospect.id);
    await addNumber(prospect.id);
    // The last three are hers, whatever the prospect held before them.
    const numbers = (await api.numbersOf(prospect.id)).map((number) => number.shown);
    const [earlier, first, second, third] = [numbers.slice(0, -3), ...numbers.slice(-3)] as [
      string[],
      string,
      string,
      string,
    ];
    await phoneNumbersPage.chooseProspect(prospect.name);
    const numbersShown = phoneNumbersPage.shownNumbers();
    await expect(numbersShown).toHaveText(numbers);

    await phoneNumbersPage.rowAction('Move up', third).click();
    await expect(numbersShown).toHaveText([...earlier, first, third, second]);
    await phoneNumbersPage.rowAction('Move down', first).click();
    const moved = [...earlier, third, first, second];
    await expect(numbersShown).toHaveText(moved);

    await expect
      .poll(async () => (await api.numbersOf(prospect.id)).map((number) => number.shown))
      .toEqual(moved);
    await page.reload();
    await expect(numbersShown).toHaveText(moved);
    await expectOrderColumn(
      phoneNumbersPage,
      (await api.numbersOf(prospect.id)).map((number) => number.order),
    );
    await expect(phoneNumbersPage.rowAction('Move up', moved[0]!)).toHaveAccessibleDescription(
      'This is already the first number',
    );
    await expect(phoneNumbersPage.rowAction('Move down', second)).toHaveAccessibleDescription(
      'This is already the last number',
    );
  });
});

test.describe('Where numbers cannot be put in order, the order actions say why', () => {
  // Ada may change every number: what refuses the order actions here is the view.
  test.use({ demoUser: 'Ada Admin' });

  /** The grid shows `rows` rows once the view has changed, and their order actions are disabled, with the reason. */
  async function expectOrderRefused(
    phoneNumbersPage: PhoneNumbersPage,
    reason: string,
    rows: number,
  ) {
    expect(rows).toBeGreaterThan(0);
    await expect(phoneNumbersPage.rows).toHaveCount(rows);
    for (const action of ORDER_ACTIONS) {
      const buttons = phoneNumbersPage.actionsOfEveryRow(action);
      await expect(buttons).toHaveCount(rows);
      for (let row = 0; row < rows; row++) {
        await expect(buttons.nth(row)).toBeDisabled();
        await expect(buttons.nth(row)).toHaveAccessibleDescription(reason);
      }
    }
  }

  test('across prospects', async ({ phoneNumbersPage }) => {
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await expectOrderRefused(
      phoneNumbersPage,
      'Choose a prospect to put its numbers in order',
      await phoneNumbersPage.rows.count(),
    );
  });

  test('sorted by anything but Order, or filtered', async ({
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect('Riley Rep');
    await addNumber(prospect.id, { phoneType: 'mobile' });
    await addNumber(prospect.id, { phoneType: 'work' });
    await addNumber(prospect.id, { phoneType: 'mobile' });
    const numbers = await api.numbersOf(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(numbers.map((each) => each.shown));
    await expect(phoneNumbersPage.actionsOfEveryRow('Move down').first()).toBeEnabled();

    await phoneNumbersPage.sortBy('Number');
    await expect(phoneNumbersPage.columnHeader('Number')).toHaveAttribute('aria-sort', 'ascending');
    // While the sorted page loads, the grid can show a different set of rows: count the final one.
    await expectOrderRefused(
      phoneNumbersPage,
      'Sort by Order to put the numbers in order',
      numbers.length,
    );

    await phoneNumbersPage.sortBy('Order');
    await phoneNumbersPage.filterByType(numbers[0]!.typeLabel);
    await expect(phoneNumbersPage.chosenFilter(numbers[0]!.typeLabel)).toBeVisible();
    await expectOrderRefused(
      phoneNumbersPage,
      'Clear the filters to put the numbers in order',
      numbers.filter((each) => each.typeLabel === numbers[0]!.typeLabel).length,
    );
  });
});

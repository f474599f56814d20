import type { ApiPhoneNumber, DemoApi } from './demo-api';
import { expect, test } from './fixtures';

/** How the URL writes a search: encoded, commas left readable. */
const inUrl = (written: string) => encodeURIComponent(written).replace(/%2C/gi, ',');
const ids = (numbers: readonly ApiPhoneNumber[]) => numbers.map((number) => number.id).sort();

/** A US number of the demo data with an extension, and every number stored that is the same. */
async function knownNumber(api: DemoApi) {
  const all = (await api.phoneNumbers({ size: 1000 })).pages.flat();
  const known = all.find((number) => number.number.startsWith('+1') && number.extension);
  expect(known, 'the demo data has a US number with an extension').toBeDefined();
  const { number: e164, extension } = known!;
  return {
    all,
    extension: extension!,
    area: e164.slice(2, 5),
    exchange: e164.slice(5, 8),
    line: e164.slice(8),
    sameNumber: all.filter((number) => number.number === e164),
  };
}

test.describe('Find a number', () => {
  test('Riley finds a number however it is written, with whose it is', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    // Four searches, each waited for, on a machine that may be busy.
    test.slow();
    const { area, exchange, line, sameNumber } = await knownNumber(api);
    await phoneNumbersPage.goto();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    for (const written of [
      `${area} ${exchange} ${line}`,
      `+1 (${area}) ${exchange}-${line}`,
      `${area}${exchange}${line}`,
      `(${area}) ${exchange}-${line}`,
    ]) {
      await phoneNumbersPage.findNumber(written);

      await expect(page).toHaveURL(`/phone-numbers?number=${inUrl(written)}`);
      const [found] = (await api.phoneNumbers({ numbers: written, sort: '-updatedAt' })).pages;
      expect(ids(found!)).toEqual(ids(sameNumber));
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(found!.map((n) => n.shown));
      await expect(phoneNumbersPage.cells('Prospect')).toHaveText(
        found!.map((n) => n.prospectName ?? ''),
      );
    }
  });

  test('Riley finds a number with its extension, and by its last digits, kept over a reload', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    test.slow();
    const { all, area, exchange, line, extension, sameNumber } = await knownNumber(api);
    await phoneNumbersPage.goto();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    const withExtension = `${area}-${exchange}-${line} ext. ${extension}`;
    await phoneNumbersPage.findNumber(withExtension);

    await expect(page).toHaveURL(`/phone-numbers?number=${inUrl(withExtension)}`);
    const [exact] = (await api.phoneNumbers({ numbers: withExtension, sort: '-updatedAt' })).pages;
    expect(ids(exact!)).toEqual(ids(sameNumber.filter((n) => n.extension === extension)));
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(exact!.map((n) => n.shown));

    // The last digits alone: every number that ends with them.
    const lastDigits = `${exchange} ${line}`;
    await phoneNumbersPage.findNumber(lastDigits);

    await expect(page).toHaveURL(`/phone-numbers?number=${inUrl(lastDigits)}`);
    const [ending] = (await api.phoneNumbers({ numbers: lastDigits, sort: '-updatedAt' })).pages;
    expect(ids(ending!)).toEqual(ids(all.filter((n) => n.number.endsWith(exchange + line))));
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(ending!.map((n) => n.shown));

    await page.reload();

    await expect(phoneNumbersPage.numberSearch).toHaveValue(lastDigits);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(ending!.map((n) => n.shown));
  });

  test('a number nobody has says that nothing matched it', async ({ phoneNumbersPage, api }) => {
    const written = '+1 (999) 555-0000';
    expect((await api.phoneNumbers({ numbers: written })).count).toBe(0);
    await phoneNumbersPage.goto();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await phoneNumbersPage.findNumber(written);

    await expect(phoneNumbersPage.emptyMessage).toHaveText(`No phone numbers match ${written}`);
    await expect(phoneNumbersPage.rows).toHaveCount(0);

    await phoneNumbersPage.findNumber('Olivia');
    await expect(phoneNumbersPage.numberSearch).toHaveAccessibleDescription(
      'Type a phone number or some of its digits',
    );
    // Nothing sent for it: the last search still stands.
    await expect(phoneNumbersPage.emptyMessage).toHaveText(`No phone numbers match ${written}`);
  });
});

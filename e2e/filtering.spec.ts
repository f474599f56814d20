import { TYPE_LABELS } from './demo-api';
import { expect, test, TALL_VIEWPORT } from './fixtures';

test.use({ viewport: TALL_VIEWPORT });

test.describe('Filtering', () => {
  test('Riley filters all numbers by type, then by status too', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    await phoneNumbersPage.goto('?size=25');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await phoneNumbersPage.filterByType('Mobile');

    const mobile = await api.phoneNumbers({ types: ['mobile'], sort: '-updatedAt', size: 25 });
    const mobileFirst = mobile.pages[0]!;
    await expect(page).toHaveURL(/\/phone-numbers\?type=mobile&size=25$/);
    await expect(phoneNumbersPage.chosenFilter('Mobile')).toBeVisible();
    await expect(phoneNumbersPage.pages).toContainText(
      `1–${mobileFirst.length} of ${mobile.count}`,
    );
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      mobileFirst.map((number) => number.shown),
    );
    await expect(phoneNumbersPage.cells('Type')).toHaveText(mobileFirst.map(() => 'Mobile'));

    await phoneNumbersPage.filterByStatus('Verified');

    const verified = await api.phoneNumbers({
      types: ['mobile'],
      statuses: ['verified'],
      sort: '-updatedAt',
      size: 25,
    });
    const verifiedFirst = verified.pages[0]!;
    await expect(page).toHaveURL(/\/phone-numbers\?type=mobile&status=verified&size=25$/);
    await expect(phoneNumbersPage.pages).toContainText(
      `1–${verifiedFirst.length} of ${verified.count}`,
    );
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      verifiedFirst.map((number) => number.shown),
    );
    await expect(phoneNumbersPage.cells('Type')).toHaveText(verifiedFirst.map(() => 'Mobile'));
    await expect(phoneNumbersPage.cells('Status')).toHaveText(verifiedFirst.map(() => 'Verified'));
  });

  test.describe('in New York', () => {
    test.use({ timezoneId: 'America/New_York' });

    test("Updated from and to keep the numbers last changed on those days, the rep's days, kept after a reload", async ({
      page,
      phoneNumbersPage,
      api,
    }) => {
      const [numbers] = (await api.phoneNumbers({ prospect: 1, sort: 'order' })).pages;
      const dayOf = (instant: string) =>
        new Date(instant).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
      const days = [...new Set(numbers!.map((number) => dayOf(number.updatedAt)))].toSorted();
      expect(days.length, "Olivia García's numbers were changed on several days").toBeGreaterThan(
        2,
      );
      const [from, to] = [days[1]!, days.at(-2)!];
      await phoneNumbersPage.goto('?prospect=1');
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        numbers!.map((number) => number.shown),
      );

      await phoneNumbersPage.updatedFrom.fill(from);
      await phoneNumbersPage.updatedTo.fill(to);

      const between = numbers!.filter(
        (number) => dayOf(number.updatedAt) >= from && dayOf(number.updatedAt) <= to,
      );
      await expect(page).toHaveURL(new RegExp(`\\?prospect=1&updated=${from}\\.\\.${to}$`));
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        between.map((number) => number.shown),
      );
      await page.reload();
      await expect(phoneNumbersPage.updatedFrom).toHaveValue(from);
      await expect(phoneNumbersPage.updatedTo).toHaveValue(to);
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        between.map((number) => number.shown),
      );

      await phoneNumbersPage.updatedTo.fill(days[0]!);

      await expect(phoneNumbersPage.updatedTo).toHaveAccessibleDescription(
        'On or after Updated from',
      );
      await expect(phoneNumbersPage.shownNumbers()).toHaveText(
        numbers!.filter((number) => dayOf(number.updatedAt) >= from).map((number) => number.shown),
      );
    });
  });

  test("filters that match none of a prospect's numbers say so", async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const [numbers] = (await api.phoneNumbers({ prospect: 1 })).pages;
    const absent = Object.keys(TYPE_LABELS).find(
      (type) => !numbers!.some((number) => number.phoneType === type),
    );
    expect(absent, 'Olivia García has no number of some type').toBeDefined();
    const label = TYPE_LABELS[absent!]!;
    await phoneNumbersPage.chooseProspect('Olivia García');
    await expect(phoneNumbersPage.rows).toHaveCount(numbers!.length);

    await phoneNumbersPage.filterByType(label);

    await expect(page).toHaveURL(`/phone-numbers?prospect=1&type=${absent!}`);
    await expect(phoneNumbersPage.emptyMessage).toHaveText('No phone numbers match these filters');
    await expect(phoneNumbersPage.rows).toHaveCount(0);
  });
});

test.describe('The filters reps ask for', () => {
  test("Riley turns on My prospects: her prospects' numbers only, still after a reload", async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const riley = await api.user('Riley Rep');
    await phoneNumbersPage.goto('?size=25');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect(phoneNumbersPage.myProspects).not.toBeChecked();

    await phoneNumbersPage.myProspects.click();
    await expect(phoneNumbersPage.myProspects).toBeChecked();

    const hers = await api.phoneNumbers({ owner: riley.id, sort: '-updatedAt', size: 25 });
    const all = await api.phoneNumbers({ sort: '-updatedAt', size: 25 });
    expect(hers.count, 'Riley owns some numbers, not all').toBeLessThan(all.count);
    const first = hers.pages[0]!;
    await expect(page).toHaveURL(new RegExp(`/phone-numbers\\?owner=${riley.id}&size=25$`));
    await expect(phoneNumbersPage.pages).toContainText(`1–${first.length} of ${hers.count}`);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(first.map((number) => number.shown));

    await page.reload();

    await expect(phoneNumbersPage.myProspects).toBeChecked();
    await expect(phoneNumbersPage.pages).toContainText(`1–${first.length} of ${hers.count}`);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(first.map((number) => number.shown));
  });

  test('Riley filters by country, and by My prospects too; both stay after a reload', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const riley = await api.user('Riley Rep');
    await phoneNumbersPage.goto('?size=25');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    await phoneNumbersPage.filterByCountry('United Kingdom (GB)');

    const british = await api.phoneNumbers({ countries: ['GB'], sort: '-updatedAt', size: 25 });
    expect(british.count, 'some numbers are British').toBeGreaterThan(0);
    await expect(page).toHaveURL(/\/phone-numbers\?country=GB&size=25$/);
    await expect(phoneNumbersPage.chosenFilter('United Kingdom (GB)')).toBeVisible();
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      british.pages[0]!.map((number) => number.shown),
    );
    await expect(phoneNumbersPage.shownNumbers().first()).toHaveText(/^\+44 /);

    await phoneNumbersPage.myProspects.click();
    await expect(phoneNumbersPage.myProspects).toBeChecked();

    const hers = await api.phoneNumbers({
      countries: ['GB'],
      owner: riley.id,
      sort: '-updatedAt',
      size: 25,
    });
    const shown = hers.pages[0]!.map((number) => number.shown);
    await expect(page).toHaveURL(
      new RegExp(`/phone-numbers\\?country=GB&owner=${riley.id}&size=25$`),
    );
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(shown);

    await page.reload();

    await expect(phoneNumbersPage.chosenFilter('United Kingdom (GB)')).toBeVisible();
    await expect(phoneNumbersPage.myProspects).toBeChecked();
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(shown);
  });
});

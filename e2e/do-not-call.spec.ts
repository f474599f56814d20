import { expect, test, TALL_VIEWPORT } from './fixtures';
import { EMBEDDINGS } from './pages/embeddings';
import { ProspectPage } from './pages/prospect-page';

// Riley Rep is the fixtures' default user.

test.describe('Do not call means do not call', () => {
  test('Riley marks a number "Do not call": it stops being a link to dial, and says why', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id, { status: 'verified' });
    await phoneNumbersPage.chooseProspect(prospect.name);
    await expect(phoneNumbersPage.numberLink(number.shown)).toHaveAttribute('href', number.href!);

    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Do not call');

    await expect(phoneNumbersPage.numberLink(number.shown)).toHaveCount(0);
    await expect(phoneNumbersPage.cell(number.shown, 'Number')).toHaveText(number.shown);
    await expect(phoneNumbersPage.callBlock(number.shown)).toHaveAccessibleName('Do not call');
    await expect.poll(async () => (await api.phoneNumber(number.id))?.status).toBe('do_not_call');
    await phoneNumbersPage.callBlock(number.shown).hover();
    await expect(page.getByRole('tooltip')).toHaveText('Do not call');

    // Called again once the status allows it.
    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Verified');
    await expect(phoneNumbersPage.numberLink(number.shown)).toHaveAttribute('href', number.href!);
    await expect(phoneNumbersPage.callBlock(number.shown)).toHaveCount(0);
  });

  test('no number of a prospect opted out of calls is a link, on /phone-numbers and on its page', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const optedOut = await api.prospectsOptedOutOfCalls();
    let prospect: { id: number; name: string } | undefined;
    let numbers: Awaited<ReturnType<typeof api.numbersOf>> = [];
    for (const candidate of optedOut) {
      numbers = await api.numbersOf(candidate.id);
      if (numbers.length > 0) {
        prospect = candidate;
        break;
      }
    }
    // The seed opts some prospects with numbers out of calls.
    expect(prospect).toBeDefined();

    await phoneNumbersPage.goto(`?prospect=${prospect!.id}`);
    await expect(phoneNumbersPage.shownNumbers()).toHaveText(numbers.map((each) => each.shown));
    await expect(phoneNumbersPage.shownNumbers().getByRole('link')).toHaveCount(0);
    for (const number of numbers) {
      await expect(phoneNumbersPage.callBlock(number.shown)).toHaveAccessibleName(
        number.status === 'do_not_call' ? 'Do not call' : 'Prospect opted out of calls',
      );
    }

    const prospectPage = new ProspectPage(page);
    await prospectPage.goto(prospect!.id);
    await expect(prospectPage.detail('Calls')).toHaveText('Opted out');
    await expect(prospectPage.panel.shownNumbers()).toHaveText(numbers.map((each) => each.shown));
    await expect(prospectPage.panel.shownNumbers().getByRole('link')).toHaveCount(0);
    await expect(prospectPage.panel.callBlock(numbers[0]!.shown)).toBeVisible();
  });

  test.describe('across prospects', () => {
    test.use({ viewport: TALL_VIEWPORT });

    test('each number not to be called is shown without a link, the others are dialled', async ({
      phoneNumbersPage,
      api,
    }) => {
      // By number from the last: the seed's Indian numbers (+91), a mix of both, before any number
      // other specs add (+44 20 7946 …).
      const [numbers] = (await api.phoneNumbers({ sort: '-number', size: 25 })).pages;
      const kinds = new Set(numbers!.map((number) => number.callBlock));
      expect(kinds).toEqual(new Set([null, 'Do not call', 'Prospect opted out of calls']));

      await phoneNumbersPage.goto('?sort=-number&size=25');

      await expect(phoneNumbersPage.shownNumbers()).toHaveText(numbers!.map((each) => each.shown));
      // The links dial the numbers that may be called, in their order; the others say why not.
      const links = phoneNumbersPage.shownNumbers().getByRole('link');
      const hrefs = numbers!.flatMap((number) => (number.href === null ? [] : [number.href]));
      await expect(links).toHaveCount(hrefs.length);
      expect(
        await links.evaluateAll((all) => all.map((link) => link.getAttribute('href'))),
      ).toEqual(hrefs);
      const reasons = phoneNumbersPage.shownNumbers().getByRole('img');
      const blocks = numbers!.flatMap((number) => (number.callBlock === null ? [] : [number]));
      await expect(reasons).toHaveCount(blocks.length);
      for (const [index, number] of blocks.entries()) {
        await expect(reasons.nth(index)).toHaveAccessibleName(number.callBlock!);
      }
    });
  });

  test.describe('in every embedding', () => {
    test.use({ demoUser: 'Ada Admin' });

    for (const [embedding, open] of Object.entries(EMBEDDINGS)) {
      test(`${embedding}: a "Do not call" number is shown without a link`, async ({
        page,
        baseURL,
        demoUser,
        addNumber,
        newProspect,
      }) => {
        const prospect = await newProspect();
        const blocked = await addNumber(prospect.id, { status: 'do_not_call' });
        const dialled = await addNumber(prospect.id, { status: 'verified' });
        const panel = await open(page, {
          appBaseUrl: baseURL!,
          prospectId: prospect.id,
          user: demoUser,
        });

        await expect(panel.numberLink(dialled.shown)).toHaveAttribute('href', dialled.href!);
        await expect(panel.cell(blocked.shown, 'Number')).toHaveText(blocked.shown);
        await expect(panel.numberLink(blocked.shown)).toHaveCount(0);
        await expect(panel.callBlock(blocked.shown)).toHaveAccessibleName('Do not call');
      });
    }
  });
});

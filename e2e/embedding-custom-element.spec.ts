import { shownAs } from './demo-api';
import { expect, test as base } from './fixtures';
import { EmbedDemoPage, watchForLeaks } from './pages/embed-demo-page';
import { PhoneNumbersPanel } from './pages/phone-numbers-panel';

/**
 * Fixed by the demo page (public/embed-demo.html), not leased: its element starts on Liam, and its
 * "Recent prospects" offer the other. No other spec uses them; a test here looks only for the numbers
 * it adds.
 */
const LIAM = 2;
const OTHER = 3;

/** What the page's hostile stylesheet would change, were it to reach an element. */
const PROPERTIES = [
  'font-family',
  'font-size',
  'font-weight',
  'color',
  'background-color',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'padding-top',
  'margin-top',
  'text-transform',
  'letter-spacing',
  'line-height',
  'font-style',
  'word-spacing',
  'text-shadow',
  'cursor',
  'display',
  'position',
  'box-sizing',
];

/** Inside, the sizes too: the hostile padding, borders and line height would change them. */
const BOX = [...PROPERTIES, 'width', 'height'];

const test = base.extend<{
  openDemoPage: () => Promise<EmbedDemoPage>;
  panel: PhoneNumbersPanel;
}>({
  /** Opens public/embed-demo.html and signs in as `demoUser` through the server's sign-in page. */
  openDemoPage: async ({ page, signInPage, demoUser }, use) => {
    await use(async () => {
      const demoPage = new EmbedDemoPage(page);
      await demoPage.goto();
      await signInPage.signInAs(demoUser);
      return demoPage;
    });
  },
  /** The element's grid, dialogs and snackbar, through its open shadow root. */
  panel: async ({ page }, use) => {
    await use(new PhoneNumbersPanel(page));
  },
});

test.use({ demoUser: 'Ada Admin' });

test.describe('<prospect-phone-numbers> on a plain CRM page with hostile CSS', () => {
  test("waits for the page to sign in, then shows the prospect's numbers", async ({
    page,
    signInPage,
    api,
    addNumber,
    panel,
  }) => {
    await addNumber(LIAM);
    const demoPage = new EmbedDemoPage(page);
    await demoPage.goto();
    await expect(demoPage.element.getByRole('status')).toHaveText('Waiting for sign-in…');

    await signInPage.signInAs('Ada Admin');

    const numbers = await api.numbersOf(LIAM);
    await expect(panel.rows).toHaveCount(numbers.length);
    const shown = await panel.shownNumbers().allTextContents();
    expect(shown.sort()).toEqual(numbers.map((number) => number.shown).sort());
  });

  test('the hostile CSS changes nothing inside it: grid, cell, button and dialog', async ({
    openDemoPage,
    panel,
    addNumber,
  }) => {
    const { shown } = await addNumber(LIAM);
    const demoPage = await openDemoPage();
    const stylesInside = async () => {
      const cell = panel.cell(shown, 'Number');
      await panel.addButton.click();
      await expect(panel.addDialog.number).toBeVisible();
      const styles = await Promise.all(
        [panel.grid, cell, panel.addButton, panel.addDialog.dialog, panel.addDialog.number].map(
          (locator) => EmbedDemoPage.stylesOf(locator, BOX),
        ),
      );
      await panel.addDialog.cancel();
      await expect(panel.addDialog.dialog).toBeHidden();
      return styles;
    };
    const header = demoPage.hostContent.first();
    const comicSans = [['font-family: "Comic Sans MS", cursive']];
    await expect(panel.row(shown)).toBeVisible();

    const withHostileCss = await stylesInside();
    // It does apply to the page itself.
    expect(await EmbedDemoPage.stylesOf(header, ['font-family'])).toEqual(comicSans);
    await demoPage.setHostileCss(false);
    expect(await EmbedDemoPage.stylesOf(header, ['font-family'])).not.toEqual(comicSans);
    const withoutHostileCss = await stylesInside();

    expect(withHostileCss).toEqual(withoutHostileCss);
  });

  test("its styles stay inside: the page's own elements look the same without it", async ({
    page,
    openDemoPage,
    panel,
  }) => {
    const demoPage = await openDemoPage();
    // Without the hostile stylesheet, whose !important rules would hide a leak.
    await demoPage.setHostileCss(false);
    await expect(panel.rows.first()).toBeVisible();
    const withElement = await EmbedDemoPage.stylesOf(demoPage.hostContent, PROPERTIES);
    await panel.addButton.click();
    await panel.addDialog.type.click();
    await expect(page.getByRole('listbox')).toBeVisible();

    // Every style and every popup is in the shadow root; none is in the page's <head> or <body>.
    const emotionStyles = await demoPage.emotionStyles();
    expect(emotionStyles.outside).toBe(0);
    expect(emotionStyles.inside).toBeGreaterThan(0);
    expect(await demoPage.muiElementsOutside()).toBe(0);
    await page.keyboard.press('Escape');
    await panel.addDialog.cancel();
    await expect(panel.addDialog.dialog).toBeHidden();

    await demoPage.remove();

    expect(await EmbedDemoPage.stylesOf(demoPage.hostContent, PROPERTIES)).toEqual(withElement);
  });

  test('adding, editing and deleting inside it tell the page with phone-numbers-change', async ({
    openDemoPage,
    panel,
    api,
    newNumber,
  }) => {
    const number = await newNumber();
    const demoPage = await openDemoPage();
    await expect(panel.rows.first()).toBeVisible();
    await demoPage.recordEvents();

    await panel.addButton.click();
    await panel.addDialog.fill({ number: shownAs(number) });
    await panel.addDialog.save();

    await expect(panel.row(shownAs(number))).toBeVisible();
    const added = (await api.numbersOf(LIAM)).find((each) => each.number === number);
    expect(added).toBeDefined();
    await expect
      .poll(() => demoPage.events())
      .toEqual([
        {
          type: 'phone-numbers-change',
          detail: {
            action: 'created',
            phoneNumber: expect.objectContaining({ id: added!.id, number, extension: null }),
          },
        },
      ]);

    await panel.editCell(shownAs(number), 'Extension', '77');

    const edited = shownAs(number, '77');
    await expect(panel.row(edited)).toBeVisible();
    await expect
      .poll(async () => (await demoPage.events()).at(-1))
      .toEqual({
        type: 'phone-numbers-change',
        detail: {
          action: 'updated',
          phoneNumber: expect.objectContaining({ id: added!.id, extension: '77' }),
        },
      });

    await panel.delete(shownAs(number));

    await expect(panel.row(edited)).toHaveCount(0);
    await expect(panel.snackbar).toContainText(`Deleted ${edited}`);
    // Told once the DELETE is sent, after the undo window.
    await expect
      .poll(async () => (await demoPage.events()).at(-1), { timeout: 15_000 })
      .toEqual({
        type: 'phone-numbers-change',
        detail: { action: 'deleted', phoneNumber: expect.objectContaining({ id: added!.id }) },
      });
    expect(await api.phoneNumber(added!.id)).toBeUndefined();
  });

  test('another prospect-id shows that prospect’s numbers instead', async ({
    openDemoPage,
    panel,
    addNumber,
  }) => {
    const liams = await addNumber(LIAM);
    const others = await addNumber(OTHER);
    const demoPage = await openDemoPage();
    await expect(panel.row(liams.shown)).toBeVisible();

    await demoPage.showProspect(OTHER);

    await expect(demoPage.element).toHaveAttribute('prospect-id', String(OTHER));
    await expect(panel.row(others.shown)).toBeVisible();
    await expect(panel.row(liams.shown)).toHaveCount(0);
  });
});

test.describe('<prospect-phone-numbers> taken out of the page', () => {
  test.beforeEach(async ({ page }) => {
    await watchForLeaks(page);
  });

  test('leaves no listeners, timers, frames or observers behind, and sends a delete still in its undo window', async ({
    openDemoPage,
    panel,
    addNumber,
    api,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    const demoPage = await openDemoPage();
    await expect(panel.rows.first()).toBeVisible();
    // What the page has without the element: React's one listener per document stays, by design.
    await demoPage.remove();
    const baseline = await demoPage.settledLeftovers();

    await demoPage.insert(prospect.id);
    await expect(panel.row(number.shown)).toBeVisible();
    await panel.addButton.click();
    await panel.addDialog.type.click();
    await demoPage.element.getByRole('option', { name: 'Mobile' }).click();
    await panel.addDialog.cancel();
    await expect(panel.addDialog.dialog).toBeHidden();
    await panel.delete(number.shown);
    await expect(panel.undoButton).toBeVisible();
    const during = await demoPage.leftovers();
    expect(during.timers.length).toBeGreaterThan(baseline.timers.length);
    expect(during.listeners.length).toBeGreaterThan(baseline.listeners.length);

    await demoPage.remove();

    await expect.poll(() => demoPage.leftovers()).toEqual(baseline);
    await expect.poll(() => api.phoneNumber(number.id)).toBeUndefined();
  });
});

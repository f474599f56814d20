import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { coveredOnes } from './layout';
import type { PhoneNumbersGrid } from './pages/phone-numbers-grid';
import { ProspectPage } from './pages/prospect-page';

// Wider than a phone, narrower than the grid's columns (~1,200 px for a prospect, ~1,370 px across
// prospects): the grid scrolls sideways. bypassCSP: axe is injected as an inline script.
test.use({ viewport: { width: 900, height: 800 }, bypassCSP: true });

/**
 * Scrolls the grid with the mouse wheel, a step at a time, and reads the Number column after each step
 * without waiting for the scroll to end: what a rep sees while the rows move.
 */
async function scrollReadingNumbers(
  page: Page,
  grid: PhoneNumbersGrid,
  deltaX: number,
  deltaY = 0,
) {
  const box = await grid.rows.first().boundingBox();
  if (box === null) throw new Error('The grid shows no row to scroll.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const seen: string[] = [];
  for (let step = 0; step < 6; step++) {
    await page.mouse.wheel(deltaX, deltaY);
    seen.push(...(await grid.numberColumnOutOfSight()));
  }
  return seen;
}

test.describe('Where the grid scrolls sideways, the Number column stays in view', () => {
  test("on Olivia's numbers: Riley goes to a row's actions and back with the keyboard", async ({
    page,
    phoneNumbersPage,
  }) => {
    await phoneNumbersPage.goto('?prospect=1');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const actions = phoneNumbersPage.columnHeader('Actions');
    await expect(actions).not.toBeInViewport();

    await phoneNumbersPage.cells('Type').first().click();
    await page.keyboard.press('End');
    await expect(actions).toBeInViewport();
    // The grid gives the Actions cell's focus to its first button.
    const actionsCell = phoneNumbersPage.cells('Actions').first();
    await expect
      .poll(() => actionsCell.evaluate((cell) => cell.contains(document.activeElement)))
      .toBe(true);
    expect(await phoneNumbersPage.numberColumnOutOfSight()).toEqual([]);

    // Back to the first column after the Number, which the grid alone would leave under it.
    const extension = phoneNumbersPage.cells('Extension').first();
    for (let presses = 0; presses < 5; presses++) await page.keyboard.press('ArrowLeft');
    await expect(extension).toBeFocused();
    expect(await coveredOnes(extension)).toEqual([]);
    const number = await phoneNumbersPage.shownNumbers().first().boundingBox();
    expect((await extension.boundingBox())!.x).toBeGreaterThanOrEqual(
      number!.x + number!.width - 1,
    );
    expect(await phoneNumbersPage.numberColumnOutOfSight()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  test.describe('in the dark colour scheme', () => {
    test.use({ colorScheme: 'dark' });

    test('across prospects, while the rows scroll sideways and down', async ({
      page,
      phoneNumbersPage,
    }) => {
      await expect(phoneNumbersPage.rows.nth(5)).toBeVisible();
      const actions = phoneNumbersPage.columnHeader('Actions');
      await expect(actions).not.toBeInViewport();

      expect(await scrollReadingNumbers(page, phoneNumbersPage, 100)).toEqual([]);
      await expect(actions).toBeInViewport();
      const firstRow = phoneNumbersPage.rows.first();
      expect(await scrollReadingNumbers(page, phoneNumbersPage, 0, 150)).toEqual([]);
      await expect(firstRow).not.toBeInViewport();
      expect(await scrollReadingNumbers(page, phoneNumbersPage, -40)).toEqual([]);
      expect(await phoneNumbersPage.numberColumnOutOfSight()).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  test('the Number casts a shadow only while columns have gone under it', async ({
    page,
    phoneNumbersPage,
  }) => {
    await phoneNumbersPage.goto('?prospect=1');
    const number = phoneNumbersPage.cells('Number').first();
    await expect(number).toBeVisible();
    const shadow = () => number.evaluate((cell) => getComputedStyle(cell).boxShadow);
    expect(await shadow()).toBe('none');

    expect(await scrollReadingNumbers(page, phoneNumbersPage, 100)).toEqual([]);
    await expect.poll(shadow).not.toBe('none');

    await page.mouse.wheel(-2000, 0);
    await expect.poll(shadow).toBe('none');
  });

  test("in the prospect page's panel", async ({ page, phoneNumbersPage }) => {
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const prospectPage = new ProspectPage(page);
    await prospectPage.goto(1);
    const { panel } = prospectPage;
    await expect(panel.rows.first()).toBeVisible();
    await expect(panel.columnHeader('Actions')).not.toBeInViewport();

    expect(await scrollReadingNumbers(page, panel, 100)).toEqual([]);
    await expect(panel.columnHeader('Actions')).toBeInViewport();
    expect(await panel.numberColumnOutOfSight()).toEqual([]);
  });
});

import type { Locator, Page } from '@playwright/test';

/** More presses than any page here has stops between two controls. */
const MAX_PRESSES = 30;

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user moves through a page. */
export async function tabTo(page: Page, target: Locator, { backwards = false } = {}) {
  for (let presses = 0; presses <= MAX_PRESSES; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

import type { Locator, Page } from '@playwright/test';
import { PhoneNumbersGrid, type GridRoot } from './phone-numbers-grid';
import { SignInPage, type DemoUser } from './sign-in-page';

/**
 * The embedded panel where the spec finds it: in a page (the prospect page, the custom element) or in a
 * frame (`FramingHostPage.frame`, `OutreachHostPage.frame`). The grid and its dialogs as everywhere
 * (`PhoneNumbersGrid`), and the sign-in prompt that takes its place without a session.
 */
export class PhoneNumbersPanel extends PhoneNumbersGrid {
  /** The sign-in prompt's button, in the panel's place when there is no session. */
  readonly signInButton: Locator;

  constructor(root: GridRoot) {
    super(root);
    this.signInButton = root.getByRole('button', { name: 'Sign in' });
  }

  /**
   * Signs in as a panel in a frame does, with no session of its own: Sign in opens the server's sign-in
   * in a popup (of `page`, the top page), which closes once it has handed the frame a single-use code;
   * the frame exchanges it for a session cookie of its own.
   */
  async signInInPopup(page: Page, user: DemoUser) {
    const popupOpens = page.waitForEvent('popup');
    await this.signInButton.click();
    const popup = await popupOpens;
    // Listening before the click: the popup may hand over its code and close before the click returns.
    const closes = popup.waitForEvent('close');
    await new SignInPage(popup).continueAs(user).click();
    await closes;
  }
}

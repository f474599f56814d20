import type { FrameLocator, Locator, Page } from '@playwright/test';
import { SignInPage, type DemoUser } from './sign-in-page';

/**
 * The embedded panel where the spec finds it: in a page, or in a frame (`FramingHostPage.frame`). Its
 * grid, its Add button and dialog, a row's Delete and the confirmation, and the sign-in prompt that takes
 * its place without a session.
 */
export class PhoneNumbersPanel {
  readonly grid: Locator;
  /** The data rows the grid has rendered. */
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly addDialog: Locator;
  readonly deleteDialog: Locator;
  /** The sign-in prompt's button, in the panel's place when there is no session. */
  readonly signInButton: Locator;

  constructor(root: Page | FrameLocator) {
    this.grid = root.getByRole('grid', { name: 'Phone numbers' });
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row');
    this.addButton = root.getByRole('button', { name: 'Add phone number' });
    this.addDialog = root.getByRole('dialog', { name: 'Add phone number' });
    this.deleteDialog = root.getByRole('dialog', { name: 'Delete phone number?' });
    this.signInButton = root.getByRole('button', { name: 'Sign in' });
  }

  /** A number's link in the grid, by how the grid shows it ("+44 20 7946 0123"). */
  numberLink(shown: string): Locator {
    return this.grid.getByRole('link', { name: shown, exact: true });
  }

  /** Adds a number through the "Add phone number" dialog, typed as given, with the dialog's defaults. */
  async add(number: string) {
    await this.addButton.click();
    await this.addDialog.getByLabel('Number', { exact: true }).fill(number);
    await this.addDialog.getByRole('button', { name: 'Save' }).click();
  }

  /** Deletes a number, by how the grid shows it, through its row's Delete and the confirmation. */
  async delete(shown: string) {
    await this.grid.getByRole('button', { name: `Delete ${shown}`, exact: true }).click();
    await this.deleteDialog.getByRole('button', { name: 'Delete' }).click();
  }

  /**
   * Signs in as a panel in a frame does, with no session of its own: Sign in opens the authorization page
   * in a popup (of `page`, the top page), which closes once it has handed the code back.
   */
  async signInInPopup(page: Page, user: DemoUser) {
    const popupOpens = page.waitForEvent('popup');
    await this.signInButton.click();
    const popup = await popupOpens;
    await new SignInPage(popup).continueAs(user).click();
    await popup.waitForEvent('close');
  }
}

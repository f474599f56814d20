import type { FrameLocator, Locator, Page } from '@playwright/test';

/**
 * "Phone number changed": a save met a number someone else had changed. It says how the number is now
 * and when it changed, and lists the rep's change beside the current values, to apply again or discard.
 */
export class ConflictDialog {
  readonly dialog: Locator;
  /** The table of the rep's change: a row per attribute, with "Now" and "Your change". */
  readonly changes: Locator;
  readonly applyButton: Locator;
  readonly discardButton: Locator;
  readonly failure: Locator;

  constructor(root: Page | FrameLocator) {
    this.dialog = root.getByRole('dialog', { name: 'Phone number changed' });
    this.changes = this.dialog.getByRole('table', { name: 'Your change and the number now' });
    this.applyButton = this.dialog.getByRole('button', { name: 'Apply my change' });
    this.discardButton = this.dialog.getByRole('button', { name: 'Discard my change' });
    this.failure = this.dialog.getByRole('alert');
  }

  /** The row of one attribute the rep changed ("Extension", "Type", …). */
  change(attribute: string): Locator {
    return this.changes.getByRole('row', { name: new RegExp(`^${attribute}\\b`) });
  }

  async apply() {
    await this.applyButton.click();
  }

  async discard() {
    await this.discardButton.click();
  }
}

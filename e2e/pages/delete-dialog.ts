import type { FrameLocator, Locator, Page } from '@playwright/test';

/** "Delete phone number?", which names the number; Cancel has the focus, Delete confirms. */
export class DeleteDialog {
  readonly dialog: Locator;
  readonly deleteButton: Locator;
  readonly cancelButton: Locator;

  /** `root`: the page, or the frame the panel is in. */
  constructor(root: Page | FrameLocator) {
    this.dialog = root.getByRole('dialog', { name: 'Delete phone number?' });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async confirm() {
    await this.deleteButton.click();
  }

  async cancel() {
    await this.cancelButton.click();
  }
}

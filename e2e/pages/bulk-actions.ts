import type { Locator, Page } from '@playwright/test';

/**
 * Selecting numbers in the grid and acting on them together: each row's "Select …" checkbox, the
 * "Selected phone numbers" toolbar (its count, Change status, Change type, Delete, Export selected,
 * Clear, "Select all N matching"), its menu, the "Delete N phone numbers?" dialog, the progress and the
 * report of what failed.
 */
export class BulkActions {
  readonly bar: Locator;
  readonly changeStatusButton: Locator;
  readonly changeTypeButton: Locator;
  readonly deleteButton: Locator;
  readonly exportButton: Locator;
  readonly clearButton: Locator;
  readonly selectAllMatchingButton: Locator;
  readonly menu: Locator;
  readonly deleteDialog: Locator;
  readonly progress: Locator;
  /** What a bulk change left as it was, and why: "Changed 2. 1 failed:", then each number. */
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.bar = page.getByRole('toolbar', { name: 'Selected phone numbers' });
    this.changeStatusButton = this.bar.getByRole('button', { name: 'Change status' });
    this.changeTypeButton = this.bar.getByRole('button', { name: 'Change type' });
    this.deleteButton = this.bar.getByRole('button', { name: 'Delete' });
    this.exportButton = this.bar.getByRole('button', { name: 'Export selected' });
    this.clearButton = this.bar.getByRole('button', { name: 'Clear' });
    this.selectAllMatchingButton = this.bar.getByRole('button', {
      name: /^Select all \S+ matching$/,
    });
    this.menu = page.getByRole('menu');
    this.deleteDialog = page.getByRole('dialog', { name: /^Delete \S+ phone numbers?\?$/ });
    this.progress = page.getByRole('progressbar', { name: 'Bulk change progress' });
    this.report = page.getByRole('alert').filter({ hasText: /failed:/ });
  }

  /** A row's checkbox, by how the grid shows the number ("+44 20 7946 0123"). */
  checkbox(shown: string): Locator {
    return this.page
      .getByRole('grid', { name: 'Phone numbers' })
      .getByRole('checkbox', { name: `Select ${shown}`, exact: true });
  }

  async select(...shown: string[]) {
    for (const number of shown) await this.checkbox(number).check();
  }

  async changeStatus(label: string) {
    await this.changeStatusButton.click();
    await this.menu.getByRole('menuitem', { name: label, exact: true }).click();
  }

  async deleteSelection() {
    await this.deleteButton.click();
    await this.deleteDialog.getByRole('button', { name: 'Delete' }).click();
  }
}

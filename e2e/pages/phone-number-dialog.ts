import type { FrameLocator, Locator, Page } from '@playwright/test';

/** What a spec types or chooses in the dialog; what it leaves out stays as it is. */
export interface PhoneNumberFields {
  /** Typed as a rep would: "+44 20 7946 0123", "020 7946 0123". */
  number?: string;
  /** The country as the list shows it: "United Kingdom (GB)". */
  country?: string;
  /** "Mobile", "Work", "Home", "VoIP", "Other". */
  type?: string;
  extension?: string;
}

/**
 * The "Add phone number" and "Edit phone number" dialog. A field's error is its accessible description
 * (and it is aria-invalid); a failure that names no field is the alert above them.
 */
export class PhoneNumberDialog {
  readonly dialog: Locator;
  readonly number: Locator;
  readonly country: Locator;
  readonly type: Locator;
  readonly extension: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly failure: Locator;

  constructor(
    /** The page, or the frame the panel is in: the dialog and its lists of options are there. */
    private readonly root: Page | FrameLocator,
    title: 'Add phone number' | 'Edit phone number',
  ) {
    this.dialog = root.getByRole('dialog', { name: title });
    // Scoped to the dialog: the grid's column headers are named the same.
    this.number = this.dialog.getByLabel('Number', { exact: true });
    this.country = this.dialog.getByRole('combobox', { name: 'Country' });
    this.type = this.dialog.getByRole('combobox', { name: 'Type' });
    this.extension = this.dialog.getByLabel('Extension', { exact: true });
    this.saveButton = this.dialog.getByRole('button', { name: 'Save' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
    this.failure = this.dialog.getByRole('alert');
  }

  /** Fills in what is given, in the order of the form: Number, Country, Type, Extension. */
  async fill({ number, country, type, extension }: PhoneNumberFields) {
    if (number !== undefined) await this.number.fill(number);
    if (country !== undefined) {
      await this.country.fill(country);
      await this.root.getByRole('option', { name: country, exact: true }).click();
    }
    if (type !== undefined) {
      await this.type.click();
      await this.root.getByRole('option', { name: type, exact: true }).click();
    }
    if (extension !== undefined) await this.extension.fill(extension);
  }

  async save() {
    await this.saveButton.click();
  }

  async cancel() {
    await this.cancelButton.click();
  }
}

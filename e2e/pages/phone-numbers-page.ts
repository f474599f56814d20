import type { Locator, Page } from '@playwright/test';

/** The /phone-numbers page: the "Prospect" combobox, the filters and the "Phone numbers" grid. */
export class PhoneNumbersPage {
  readonly heading: Locator;
  readonly grid: Locator;
  /** The data rows the grid has rendered (it renders those in view). */
  readonly rows: Locator;
  readonly prospectCombobox: Locator;
  readonly typeFilter: Locator;
  readonly statusFilter: Locator;
  /** The grid's footer, a navigation landmark that says "1–50 of 163". */
  readonly pages: Locator;
  readonly nextPageButton: Locator;
  readonly previousPageButton: Locator;
  readonly loadError: Locator;
  readonly retryButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Phone numbers', level: 1 });
    this.grid = page.getByRole('grid', { name: 'Phone numbers' });
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row');
    this.prospectCombobox = page.getByRole('combobox', { name: 'Prospect' });
    this.typeFilter = page.getByRole('combobox', { name: 'Filter by type' });
    this.statusFilter = page.getByRole('combobox', { name: 'Filter by status' });
    this.pages = page.getByRole('navigation', { name: 'Phone number pages' });
    this.nextPageButton = this.pages.getByRole('button', { name: 'Go to next page' });
    this.previousPageButton = this.pages.getByRole('button', { name: 'Go to previous page' });
    this.loadError = page.getByRole('alert').filter({ hasText: "Couldn't load phone numbers" });
    this.retryButton = this.loadError.getByRole('button', { name: 'Retry' });
  }

  async goto(search = '') {
    await this.page.goto(`/phone-numbers${search}`);
  }

  /** The row of a number, found by its link ("+1 303 555 0141"). */
  row(number: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: number, exact: true }) });
  }

  /** Types into the "Prospect" combobox and picks the option that starts with the name. */
  async chooseProspect(name: string) {
    await this.prospectCombobox.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name} · `) }).click();
  }
}

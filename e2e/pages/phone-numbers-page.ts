import type { Locator, Page } from '@playwright/test';
import { escapeRegExp, PhoneNumbersGrid, type ColumnName } from './phone-numbers-grid';

export type { ColumnName, EditableColumn, RowAction } from './phone-numbers-grid';

export type PageSize = 25 | 50 | 100;

/**
 * The /phone-numbers page: the "Prospect" combobox, "Find a number", the filters and "My prospects", "Row density", and the "Phone numbers" grid with its
 * pages (everything of `PhoneNumbersGrid`).
 */
export class PhoneNumbersPage extends PhoneNumbersGrid {
  readonly heading: Locator;
  /** The search landmark that holds the combobox and the filters, with the chips of chosen values. */
  readonly choices: Locator;
  readonly prospectCombobox: Locator;
  /** "Find a number": a number however written, or some of its digits, across prospects. */
  readonly numberSearch: Locator;
  readonly typeFilter: Locator;
  readonly statusFilter: Locator;
  readonly countryFilter: Locator;
  /** "Updated from" and "Updated to": dates, the days numbers were last changed between. */
  readonly updatedFrom: Locator;
  readonly updatedTo: Locator;
  /** "My prospects": only the numbers of the signed-in user's prospects. */
  readonly myProspects: Locator;
  /** The grid's footer, a navigation landmark that says "1–50 of 163". */
  readonly pages: Locator;
  readonly rowsPerPage: Locator;
  readonly nextPageButton: Locator;
  readonly previousPageButton: Locator;
  readonly offlineNotice: Locator;

  constructor(private readonly page: Page) {
    super(page);
    this.heading = page.getByRole('heading', { name: 'Phone numbers', level: 1 });
    this.choices = page.getByRole('search', { name: 'Choose phone numbers' });
    this.prospectCombobox = this.choices.getByRole('combobox', { name: 'Prospect' });
    this.numberSearch = this.choices.getByRole('searchbox', { name: 'Find a number' });
    this.typeFilter = this.choices.getByRole('combobox', { name: 'Filter by type' });
    this.statusFilter = this.choices.getByRole('combobox', { name: 'Filter by status' });
    this.countryFilter = this.choices.getByRole('combobox', { name: 'Filter by country' });
    this.updatedFrom = this.choices.getByLabel('Updated from');
    this.updatedTo = this.choices.getByLabel('Updated to');
    this.myProspects = this.choices.getByRole('switch', { name: 'My prospects' });
    this.pages = page.getByRole('navigation', { name: 'Phone number pages' });
    this.rowsPerPage = this.pages.getByRole('combobox', { name: 'Rows per page:' });
    this.nextPageButton = this.pages.getByRole('button', { name: 'Go to next page' });
    this.previousPageButton = this.pages.getByRole('button', { name: 'Go to previous page' });
    this.offlineNotice = page.getByRole('alert').filter({ hasText: "You're offline" });
  }

  async goto(search = '') {
    await this.page.goto(`/phone-numbers${search}`);
  }

  /** Types into the "Prospect" combobox and picks the option that starts with the name. */
  async chooseProspect(name: string) {
    await this.prospectCombobox.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)} · `) }).click();
  }

  /** Types a number, as a rep writes it, into "Find a number" in place of what it held. */
  async findNumber(written: string) {
    await this.numberSearch.fill(written);
  }

  /** Clicks a column's header, which sorts by it, or the other way round when it is sorted. */
  async sortBy(name: ColumnName) {
    await this.columnHeader(name).click();
  }

  /** Adds types to the "Filter by type" filter ("Mobile", "VoIP"), then closes its list. */
  async filterByType(...types: string[]) {
    await this.choose(this.typeFilter, types);
  }

  /** Adds statuses to the "Filter by status" filter ("Verified", "Do not call"), then closes its list. */
  async filterByStatus(...statuses: string[]) {
    await this.choose(this.statusFilter, statuses);
  }

  /**
   * Adds countries to the "Filter by country" filter by their names ("United Kingdom (GB)"), typed to
   * find them among all the countries, then closes its list.
   */
  async filterByCountry(...countries: string[]) {
    for (const country of countries) {
      await this.countryFilter.fill(country);
      await this.page.getByRole('option', { name: country, exact: true }).click();
    }
    await this.countryFilter.press('Escape');
  }

  /** A button of "Row density": "Compact", "Standard" or "Comfortable". */
  density(name: 'Compact' | 'Standard' | 'Comfortable'): Locator {
    return this.page
      .getByRole('group', { name: 'Row density' })
      .getByRole('button', { name, exact: true });
  }

  /** The height of the first row, in pixels. */
  async rowHeight(): Promise<number> {
    return (await this.rows.first().boundingBox())?.height ?? 0;
  }

  /** The chip of a value chosen in a filter ("Mobile", "Verified", "United Kingdom (GB)"). */
  chosenFilter(label: string): Locator {
    return this.choices.getByRole('button', { name: label, exact: true });
  }

  async setPageSize(size: PageSize) {
    await this.rowsPerPage.click();
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }

  private async choose(filter: Locator, labels: string[]) {
    await filter.click();
    for (const label of labels) {
      await this.page.getByRole('option', { name: label, exact: true }).click();
    }
    await filter.press('Escape');
  }
}

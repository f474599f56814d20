import type { Locator, Page } from '@playwright/test';

export type ColumnName =
  | 'Number'
  | 'Type'
  | 'Extension'
  | 'Country'
  | 'Status'
  | 'Order'
  | 'Updated'
  | 'Prospect'
  | 'Actions';

export type PageSize = 25 | 50 | 100;

/** The columns whose cells are edited in place. */
export type EditableColumn = 'Number' | 'Type' | 'Extension' | 'Country' | 'Status';

/** The buttons of a row's Actions cell. */
export type RowAction = 'Edit' | 'Delete' | 'Make primary' | 'Move up' | 'Move down';

const ACTION_NAMES: Record<RowAction, [before: string, after: string]> = {
  Edit: ['Edit ', ''],
  Delete: ['Delete ', ''],
  'Make primary': ['Make ', ' primary'],
  'Move up': ['Move ', ' up'],
  'Move down': ['Move ', ' down'],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The /phone-numbers page: the "Prospect" combobox, the filters and the "Phone numbers" grid. */
export class PhoneNumbersPage {
  readonly heading: Locator;
  readonly grid: Locator;
  /** The data rows the grid has rendered (it renders those in view). */
  readonly rows: Locator;
  /** The search landmark that holds the combobox and the filters, with the chips of chosen values. */
  readonly choices: Locator;
  readonly prospectCombobox: Locator;
  readonly typeFilter: Locator;
  readonly statusFilter: Locator;
  /** What the grid says in place of rows when there are none. */
  readonly emptyMessage: Locator;
  /** The grid's footer, a navigation landmark that says "1–50 of 163". */
  readonly pages: Locator;
  readonly rowsPerPage: Locator;
  readonly nextPageButton: Locator;
  readonly previousPageButton: Locator;
  readonly loadError: Locator;
  readonly retryButton: Locator;
  readonly offlineNotice: Locator;
  /** Aria-disabled, and described by the reason, where the view or the user does not allow adding. */
  readonly addButton: Locator;
  /** The input of the cell being edited: a text cell's textbox or a select cell's combobox. */
  readonly cellEditor: Locator;
  /** Why the cell being edited refuses its value: the rules' message, or the server's. */
  readonly cellError: Locator;
  /** What a write says at the bottom of the page ("Phone number deleted"): closed, or undone, by a button. */
  readonly snackbar: Locator;
  /** The snackbar's "Undo", after a delete. */
  readonly undoButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Phone numbers', level: 1 });
    this.grid = page.getByRole('grid', { name: 'Phone numbers' });
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row');
    this.choices = page.getByRole('search', { name: 'Choose phone numbers' });
    this.prospectCombobox = this.choices.getByRole('combobox', { name: 'Prospect' });
    this.typeFilter = this.choices.getByRole('combobox', { name: 'Filter by type' });
    this.statusFilter = this.choices.getByRole('combobox', { name: 'Filter by status' });
    this.emptyMessage = this.grid.getByText(/^No phone numbers /);
    this.pages = page.getByRole('navigation', { name: 'Phone number pages' });
    this.rowsPerPage = this.pages.getByRole('combobox', { name: 'Rows per page:' });
    this.nextPageButton = this.pages.getByRole('button', { name: 'Go to next page' });
    this.previousPageButton = this.pages.getByRole('button', { name: 'Go to previous page' });
    this.loadError = page.getByRole('alert').filter({ hasText: "Couldn't load phone numbers" });
    this.retryButton = this.loadError.getByRole('button', { name: 'Retry' });
    this.offlineNotice = page.getByRole('alert').filter({ hasText: "You're offline" });
    this.addButton = page.getByRole('button', { name: 'Add phone number' });
    this.cellEditor = this.grid.getByRole('textbox').or(this.grid.getByRole('combobox'));
    this.cellError = page.getByRole('tooltip').getByRole('alert');
    this.snackbar = page
      .getByRole('alert')
      .filter({ has: page.getByRole('button', { name: /^(Close|Undo)$/ }) });
    this.undoButton = this.snackbar.getByRole('button', { name: 'Undo' });
  }

  async goto(search = '') {
    await this.page.goto(`/phone-numbers${search}`);
  }

  /** The row of a number, found by its link ("+1 303 555 0141"). */
  row(number: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: number, exact: true }) });
  }

  /**
   * A button of a row's Actions cell, named after the number without its extension ("+1 303 555 0141").
   * A refused one is aria-disabled, and its accessible description says why.
   */
  rowAction(action: RowAction, number: string): Locator {
    const [before, after] = ACTION_NAMES[action];
    return this.grid.getByRole('button', { name: `${before}${number}${after}`, exact: true });
  }

  /** That action's button in every row the grid has rendered. */
  actionsOfEveryRow(action: RowAction): Locator {
    const [before, after] = ACTION_NAMES[action];
    return this.grid.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`),
    });
  }

  /** The cell of a column in a number's row. */
  async cell(number: string, column: ColumnName): Promise<Locator> {
    return this.row(number)
      .getByRole('gridcell')
      .and(this.page.locator(`[aria-colindex="${await this.columnIndex(column)}"]`));
  }

  /**
   * Opens a cell for editing as a mouse user does, with a double click: at its right end, away from the
   * Number cell's link, which a click would follow to the phone.
   */
  async startEditing(number: string, column: EditableColumn) {
    const cell = await this.cell(number, column);
    const box = await cell.boundingBox();
    await cell.dblclick(box ? { position: { x: box.width - 8, y: box.height / 2 } } : {});
  }

  /** Types a value into a text cell (Number, Extension) and commits it with Enter. */
  async editCell(number: string, column: 'Number' | 'Extension', value: string) {
    await this.startEditing(number, column);
    await this.cellEditor.fill(value);
    await this.cellEditor.press('Enter');
  }

  /** Chooses a value in a select cell (Type, Country, Status), which commits it. */
  async chooseInCell(number: string, column: 'Type' | 'Country' | 'Status', option: string) {
    await this.startEditing(number, column);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** A column's header; a sorted one is also named by its "Sort" button, hence the prefix. */
  columnHeader(name: ColumnName): Locator {
    return this.grid.getByRole('columnheader', { name: new RegExp(`^${name}( |$)`) });
  }

  /** The cells of a column in the rendered rows, top to bottom. */
  async cells(name: ColumnName): Promise<Locator> {
    return this.rows
      .getByRole('gridcell')
      .and(this.page.locator(`[aria-colindex="${await this.columnIndex(name)}"]`));
  }

  /** The numbers' links in the rendered rows, top to bottom. */
  async numberLinks(): Promise<Locator> {
    return (await this.cells('Number')).getByRole('link');
  }

  /** Types into the "Prospect" combobox and picks the option that starts with the name. */
  async chooseProspect(name: string) {
    await this.prospectCombobox.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)} · `) }).click();
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

  /** The chip of a value chosen in a filter ("Mobile", "Verified"). */
  chosenFilter(label: string): Locator {
    return this.choices.getByRole('button', { name: label, exact: true });
  }

  async setPageSize(size: PageSize) {
    await this.rowsPerPage.click();
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }

  private async columnIndex(name: ColumnName): Promise<string> {
    return (await this.columnHeader(name).getAttribute('aria-colindex')) ?? '';
  }

  private async choose(filter: Locator, labels: string[]) {
    await filter.click();
    for (const label of labels) {
      await this.page.getByRole('option', { name: label, exact: true }).click();
    }
    await filter.press('Escape');
  }
}

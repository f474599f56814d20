import type { Locator, Page } from '@playwright/test';

/** The numbers as a phone shows them: a list, each number with its type, status and a menu. */
export class PhoneNumberCards {
  readonly list: Locator;
  readonly items: Locator;
  /** "Sort by": the sorts the grid's column headers offer ("Number, 9 to 0"). */
  readonly sortBy: Locator;

  constructor(private readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Phone numbers' });
    this.items = this.list.getByRole('listitem');
    this.sortBy = page.getByRole('combobox', { name: 'Sort by' });
  }

  /** Taps "Sort by" and one of its sorts. */
  async sort(by: string) {
    await this.sortBy.tap();
    await this.page.getByRole('option', { name: by, exact: true }).tap();
  }

  /** A number's item, by the number as shown ("+44 20 7946 0381"). */
  item(number: string): Locator {
    return this.list.getByRole('listitem', { name: number, exact: true });
  }

  /** "Actions for +44 20 7946 0381": the button that opens the number's menu. */
  menuButton(number: string): Locator {
    return this.page.getByRole('button', { name: `Actions for ${number}`, exact: true });
  }

  /** An entry of the open menu (Edit, Delete, Make primary, Move up, Move down). */
  menuItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name: new RegExp(`^${name}`) });
  }

  /** Opens a number's menu and taps one of its entries, as a thumb does. */
  async act(number: string, action: string) {
    await this.menuButton(number).tap();
    await this.menuItem(action).tap();
  }
}

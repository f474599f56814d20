import type { Locator, Page } from '@playwright/test';

/** /shared-numbers, for admins: the app bar's "Shared numbers" link, each shared number's row. */
export class SharedNumbersPage {
  readonly navigationLink: Locator;
  readonly heading: Locator;
  readonly table: Locator;
  readonly showMoreButton: Locator;

  constructor(private readonly page: Page) {
    this.navigationLink = page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Shared numbers' });
    this.heading = page.getByRole('heading', { name: 'Shared numbers', level: 1 });
    this.table = page.getByRole('table', { name: 'Shared numbers' });
    this.showMoreButton = page.getByRole('button', { name: 'Show more' });
  }

  async goto() {
    await this.page.goto('/shared-numbers');
  }

  /** The row of a number, as the page writes it ("+1 303 555 0141"). */
  row(shown: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: shown, exact: true }) });
  }

  /** The link to a prospect in a number's row. */
  prospectLink(shown: string, prospectName: string): Locator {
    return this.row(shown).getByRole('link', { name: prospectName, exact: true });
  }
}

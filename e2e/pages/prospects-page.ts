import type { Locator, Page } from '@playwright/test';

export class ProspectsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly loadMoreButton: Locator;
  readonly loadError: Locator;
  readonly retryButton: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: 'Prospects', level: 1 });
    this.table = page.getByRole('table', { name: 'Prospects' });
    this.rows = this.table.getByRole('rowgroup').last().getByRole('row');
    this.summary = page.getByRole('status');
    this.loadMoreButton = page.getByRole('button', { name: 'Load more prospects' });
    this.loadError = page.getByRole('alert').filter({ hasText: "Couldn't load prospects" });
    this.retryButton = this.loadError.getByRole('button', { name: 'Retry' });
  }

  /** The row of a prospect, found by its name. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({
      has: this.table.page().getByRole('rowheader', { name, exact: true }),
    });
  }

  /** The company and owner cells of a prospect's row, as text. */
  async cellsOf(name: string): Promise<string[]> {
    return this.row(name).getByRole('cell').allInnerTexts();
  }
}

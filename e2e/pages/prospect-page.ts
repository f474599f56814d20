import type { Locator, Page } from '@playwright/test';
import { PhoneNumbersPanel } from './phone-numbers-panel';

/** The terms of the prospect's details, in the order the page lists them. */
export type ProspectDetail = 'Company' | 'Title' | 'Owner' | 'Local time' | 'Calls';

/**
 * /prospects/<id>: the prospect's name and details, its phone numbers in the embedded panel, and for
 * admins its history.
 */
export class ProspectPage {
  /** The prospect's name. */
  readonly heading: Locator;
  /** The embedded panel: its grid, Add and dialogs, as in every other embedding. */
  readonly panel: PhoneNumbersPanel;
  readonly notFoundHeading: Locator;
  readonly backToPhoneNumbers: Locator;
  readonly loadError: Locator;
  readonly retryButton: Locator;
  /** The prospect's history, which admins alone are shown. */
  readonly history: Locator;
  readonly showHistoryButton: Locator;
  /** The history's changes, newest first: what changed, then who and when. */
  readonly historyEntries: Locator;
  /** An admin's select of who owns the prospect, in place of the owner's name. */
  readonly ownerSelect: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.panel = new PhoneNumbersPanel(page);
    this.notFoundHeading = page.getByRole('heading', { level: 1, name: 'Prospect not found' });
    this.backToPhoneNumbers = page.getByRole('link', { name: 'Go to the phone numbers' });
    this.loadError = page.getByRole('alert').filter({ hasText: "Couldn't load the prospect" });
    this.retryButton = this.loadError.getByRole('button', { name: 'Retry' });
    this.history = page.getByRole('region', { name: 'History' });
    this.showHistoryButton = this.history.getByRole('button', { name: 'Show history' });
    this.historyEntries = this.history
      .getByRole('list', { name: 'Changes, newest first' })
      .getByRole('listitem');
    this.ownerSelect = page.getByRole('combobox', { name: 'Owner' });
  }

  async goto(prospectId: number | string) {
    await this.page.goto(`/prospects/${prospectId}`);
  }

  /** The value of one of the prospect's details ("Company" → "Acme Corporation"). */
  detail(term: ProspectDetail): Locator {
    // Each term and its value are grouped in the description list, as HTML allows.
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) })
      .getByRole('definition');
  }
}

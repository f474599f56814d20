import type { Download, Locator, Page } from '@playwright/test';

/**
 * "Export CSV" beside the grid, and the "Export phone numbers" dialog it opens: the progress said in
 * words and as a bar, Cancel, and after a failure its reason and Retry.
 */
export class ExportDialog {
  readonly exportButton: Locator;
  readonly dialog: Locator;
  /** "Exporting 2,000 of 3,120 numbers…". */
  readonly status: Locator;
  readonly progress: Locator;
  readonly failure: Locator;
  readonly cancelButton: Locator;
  readonly retryButton: Locator;

  constructor(private readonly page: Page) {
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
    this.dialog = page.getByRole('dialog', { name: 'Export phone numbers' });
    this.status = this.dialog.getByRole('status');
    this.progress = this.dialog.getByRole('progressbar', { name: 'Export progress' });
    this.failure = this.dialog.getByRole('alert');
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
    this.retryButton = this.dialog.getByRole('button', { name: 'Retry' });
  }

  /** Clicks `trigger` (Export CSV by default) and waits for the file the page then downloads. */
  async download(trigger: Locator = this.exportButton): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await trigger.click();
    return download;
  }
}

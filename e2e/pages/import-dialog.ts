import type { Download, Locator, Page } from '@playwright/test';

/**
 * "Import CSV" beside the grid, and the "Import phone numbers" dialog it opens: the file picked, the
 * preview (what each row will do, its rows), the import with its progress, and the report.
 */
export class ImportDialog {
  readonly importButton: Locator;
  readonly dialog: Locator;
  /** The file input, by its label. */
  readonly fileInput: Locator;
  /** "numbers.csv: 2 will be added, …", "Imported 2 of 9…". */
  readonly status: Locator;
  /** What went wrong with the file as a whole, or at the end, what was added. */
  readonly message: Locator;
  /** The preview's rows, the header row first. */
  readonly previewRows: Locator;
  readonly importProgress: Locator;
  readonly cancelButton: Locator;
  readonly closeButton: Locator;
  readonly downloadReportButton: Locator;

  constructor(private readonly page: Page) {
    this.importButton = page.getByRole('button', { name: 'Import CSV' });
    this.dialog = page.getByRole('dialog', { name: 'Import phone numbers' });
    this.fileInput = this.dialog.getByLabel('Choose a CSV file');
    this.status = this.dialog.getByRole('status');
    this.message = this.dialog.getByRole('alert');
    this.previewRows = this.dialog
      .getByRole('table', { name: 'Rows of the file' })
      .getByRole('row');
    this.importProgress = this.dialog.getByRole('progressbar', { name: 'Import progress' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
    this.downloadReportButton = this.dialog.getByRole('button', { name: 'Download report' });
  }

  /** "Import 2 numbers", the button that writes what the preview said. */
  importNumbersButton(count: number): Locator {
    return this.dialog.getByRole('button', {
      name: `Import ${count} ${count === 1 ? 'number' : 'numbers'}`,
    });
  }

  /** Opens the dialog and picks a file of these lines. */
  async pick(name: string, lines: readonly string[]): Promise<void> {
    await this.importButton.click();
    await this.fileInput.setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\r\n'), 'utf8'),
    });
  }

  /** Each preview row's Row and Result cells. */
  async results(): Promise<[string, string][]> {
    const rows = await this.previewRows.all();
    const results: [string, string][] = [];
    for (const row of rows.slice(1)) {
      const cells = row.getByRole('cell');
      results.push([await cells.first().innerText(), await cells.last().innerText()]);
    }
    return results;
  }

  /** Clicks Download report and waits for the file. */
  async downloadReport(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadReportButton.click();
    return download;
  }
}

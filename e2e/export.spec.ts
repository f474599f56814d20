import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { parseCsv } from './csv';
import type { ApiPhoneNumber, DemoApi } from './demo-api';
import { isPhoneNumberList } from './faults';
import { expect, test } from './fixtures';
import { ExportDialog } from './pages/export-dialog';

// A viewer exports like anyone: reading is every role's. axe is injected as an inline script, which
// the pages' Content-Security-Policy would refuse.
test.use({ demoUser: 'Val Viewer', bypassCSP: true });

const VIEW = '?type=mobile';

const HEADER = [
  'Prospect ID',
  'Prospect name',
  'Number',
  'Type',
  'Extension',
  'Country',
  'Status',
  'Updated at',
];

const rowOf = (number: ApiPhoneNumber) => [
  String(number.prospectId),
  number.prospectName ?? '',
  number.number,
  number.phoneType,
  number.extension ?? '',
  number.countryCode ?? '',
  number.status,
  number.updatedAt,
];

/** Every mobile number, in the grid's order (the latest change first), as the API has them. */
async function mobileNumbers(api: DemoApi): Promise<ApiPhoneNumber[]> {
  const numbers = (await api.phoneNumbers({ types: ['mobile'], sort: '-updatedAt', size: 1000 }))
    .pages;
  return numbers.flat();
}

const isExportPage = (url: URL) =>
  isPhoneNumberList(url) && url.searchParams.get('page[size]') === '1000';

/**
 * The export asks for pages of 1,000, and the views of the reading server hold fewer numbers: its
 * requests go to the real server asking for `size` instead, so that the view is three pages, which the
 * export must follow. `hold` keeps a page from the server until it settles. Returns the URLs sent.
 */
async function exportInPagesOf(
  page: Page,
  size: number,
  hold: (url: URL) => Promise<void> = () => Promise.resolve(),
): Promise<URL[]> {
  const sent: URL[] = [];
  await page.route(isExportPage, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('page[size]', String(size));
    sent.push(url);
    await hold(url);
    // A page the rep cancelled meanwhile is gone: nothing is left to send it on to.
    await route.continue({ url: url.href }).catch(() => undefined);
  });
  return sent;
}

/** The downloaded file: its first bytes, and its records. */
async function readDownload(download: Download) {
  const bytes = await readFile(await download.path());
  return { bom: [...bytes.subarray(0, 3)], records: parseCsv(bytes.subarray(3).toString('utf8')) };
}

test.describe('Export CSV', () => {
  test('an export of a 3-page view has every row, in the order of the grid', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const numbers = await mobileNumbers(api);
    expect(numbers.length, 'the demo data has enough mobile numbers').toBeGreaterThanOrEqual(7);
    const sent = await exportInPagesOf(page, Math.ceil(numbers.length / 3));
    await phoneNumbersPage.goto(VIEW);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const exportDialog = new ExportDialog(page);

    const download = await exportDialog.download();

    expect(download.suggestedFilename()).toMatch(/^phone-numbers-\d{4}-\d{2}-\d{2}\.csv$/);
    const { bom, records } = await readDownload(download);
    expect(bom, "UTF-8's BOM, for Excel").toEqual([0xef, 0xbb, 0xbf]);
    expect(records).toEqual([HEADER, ...numbers.map(rowOf)]);
    expect(sent.map((url) => url.searchParams.get('filter[phoneType]'))).toEqual([
      'mobile',
      'mobile',
      'mobile',
    ]);
    await expect(exportDialog.dialog).toBeHidden();
  });

  test('shows its progress while pages come, passes axe, and Cancel stops it', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const numbers = await mobileNumbers(api);
    const size = Math.ceil(numbers.length / 3);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await exportInPagesOf(page, size, (url) =>
      url.searchParams.has('page[after]') ? released : Promise.resolve(),
    );
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await phoneNumbersPage.goto(VIEW);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const exportDialog = new ExportDialog(page);

    await exportDialog.exportButton.click();

    await expect(exportDialog.status).toHaveText(`Exporting ${size} of ${numbers.length} numbers…`);
    await expect(exportDialog.progress).toHaveAttribute(
      'aria-valuenow',
      String(Math.round((size / numbers.length) * 100)),
    );
    expect(await axeViolations(page)).toEqual([]);

    await exportDialog.cancelButton.click();
    release();

    await expect(exportDialog.dialog).toBeHidden();
    await expect(exportDialog.exportButton).toBeVisible();
    expect(downloads).toEqual([]);
  });

  test('a page that fails says so, downloads nothing, and Retry exports the whole view', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const numbers = await mobileNumbers(api);
    await exportInPagesOf(page, Math.ceil(numbers.length / 3));
    let failures = 0;
    await page.route(isExportPage, async (route) => {
      if (failures > 0 || !new URL(route.request().url()).searchParams.has('page[after]')) {
        await route.fallback();
        return;
      }
      failures += 1;
      await route.fulfill({
        status: 503,
        contentType: 'application/vnd.api+json',
        json: { errors: [{ id: 'unavailable', title: 'Unavailable', detail: 'Try again.' }] },
      });
    });
    await phoneNumbersPage.goto(VIEW);
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    const exportDialog = new ExportDialog(page);

    await exportDialog.exportButton.click();

    await expect(exportDialog.failure).toContainText("Couldn't export the phone numbers");
    await expect(exportDialog.failure).toContainText('Nothing was downloaded.');
    const { records } = await readDownload(await exportDialog.download(exportDialog.retryButton));
    expect(records).toEqual([HEADER, ...numbers.map(rowOf)]);
  });
});

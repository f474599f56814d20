import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { renderWithProviders, TEST_API_BASE_URL } from '@/testing/render-with-providers';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberListPage } from '../testing/phone-number-list-page';
import { ImportPhoneNumbersButton } from './import-phone-numbers-button';
import { captureDownloads } from '@/testing/capture-downloads';

const FILE = [
  'Prospect ID,Number,Type,Extension,Country,Status',
  '1,415 555 0101,mobile,,US,verified',
  '1,(415) 555-0100,,,,',
  '1,415 555 0101,,,,',
  '2,415 555 0102,,,,',
  '3,415 555 0103,,,,',
  '1,12,,,,',
  '1,415 555 0199,,,,',
].join('\r\n');

const SAM_OWNS = 'Sam Rep owns this prospect; only they or an admin can change its phone numbers';

/** Prospect 1 is the rep's and has +1 415 555 0100; Sam owns 2; there is no 3. `hold` may delay a write. */
function serveServer(hold: () => Promise<void> = () => Promise.resolve()) {
  const posted: unknown[] = [];
  const grid = phoneNumbersEndpoint((url) =>
    url.searchParams.has('filter[prospect][id]', '1')
      ? phoneNumberCollection([phoneNumberResource(1)])
      : phoneNumberCollection([phoneNumberResource(1)], { meta: { count: 1 } }),
  );
  const checks: URL[] = [];
  server.use(
    grid.handler,
    http.get(`${TEST_API_BASE_URL}/prospects`, ({ request }) => {
      const url = new URL(request.url);
      checks.push(url);
      return jsonApiResponse({
        data: [
          { type: 'prospect', id: 1, attributes: { name: 'Olivia' }, meta: { canWrite: true } },
          {
            type: 'prospect',
            id: 2,
            attributes: { name: 'Noah' },
            meta: { canWrite: false, writeRefusal: SAM_OWNS },
          },
        ],
      });
    }),
    http.post(PHONE_NUMBERS_URL, async ({ request }) => {
      const body = (await request.json()) as { data: { attributes: { number: string } } };
      posted.push(body);
      await hold();
      if (body.data.attributes.number === '+14155550199') {
        return errorResponse(422, {
          id: 'validationError',
          title: 'Validation error',
          detail: 'This number is on the do-not-call register',
          source: { pointer: '/data/attributes/number' },
        });
      }
      return jsonApiResponse(
        { data: phoneNumberResource(9, { number: body.data.attributes.number }) },
        201,
      );
    }),
  );
  return { posted, checks, grid: grid.requests };
}

const downloads = captureDownloads();

/** The preview table's rows: the Row and Result cells of each. */
function previewResults(dialog: HTMLElement) {
  const table = within(dialog).getByRole('table', { name: 'Rows of the file' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return [cells[0]!.textContent, cells.at(-1)!.textContent];
    });
}

describe('Import CSV', () => {
  it('previews each row, writes nothing until asked, imports the rows to add, and reports the rest', async () => {
    const { posted, checks, grid } = serveServer();
    const { user } = renderRoute(<PhoneNumberListPage />, {
      path: '/phone-numbers',
      url: '/phone-numbers?prospect=1',
    });

    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import phone numbers' });
    await user.upload(
      within(dialog).getByLabelText('Choose a CSV file'),
      new File([FILE], 'numbers.csv', { type: 'text/csv' }),
    );

    expect(
      await within(dialog).findByText(
        'numbers.csv: 2 will be added, 2 are duplicates, 3 have errors. Nothing has been written yet.',
      ),
    ).toBeInTheDocument();
    expect(previewResults(dialog)).toEqual([
      ['2', 'Will add'],
      ['3', 'Duplicate: Already on this prospect'],
      ['4', 'Duplicate: Also on row 2 of this file'],
      ['5', `Error: ${SAM_OWNS}`],
      ['6', 'Error: Prospect ID: No prospect has this ID'],
      ['7', 'Error: Number: This is too short for a US number'],
      ['8', 'Will add'],
    ]);
    // The prospects the file names, asked once, with their permissions.
    expect(checks).toHaveLength(1);
    expect(checks[0]!.searchParams.get('filter[id]')).toBe('1,2,3');
    expect(checks[0]!.searchParams.get('provideAuthorizationMeta')).toBe('true');
    expect(posted).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Errors (3)' }));
    expect(previewResults(dialog).map(([row]) => row)).toEqual(['5', '6', '7']);

    const gridLoads = grid.length;
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 numbers' }));
    expect(await within(dialog).findByText('Added 1. 4 failed.')).toBeInTheDocument();
    expect(posted).toEqual([
      {
        data: {
          type: 'phoneNumber',
          attributes: {
            number: '+14155550101',
            rawNumber: '415 555 0101',
            countryCode: 'US',
            phoneType: 'mobile',
            extension: null,
            status: 'verified',
          },
          relationships: { prospect: { data: { type: 'prospect', id: 1 } } },
        },
      },
      {
        data: {
          type: 'phoneNumber',
          attributes: {
            number: '+14155550199',
            rawNumber: '415 555 0199',
            countryCode: 'US',
            phoneType: 'other',
            extension: null,
          },
          relationships: { prospect: { data: { type: 'prospect', id: 1 } } },
        },
      },
    ]);
    // The grid shows what was added.
    await waitFor(() => {
      expect(grid.length).toBeGreaterThan(gridLoads);
    });

    await user.click(within(dialog).getByRole('button', { name: 'Download report' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^phone-numbers-import-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((await downloads[0]!.blob.text()).split('\r\n')).toEqual([
      'Row,Prospect ID,Number,Type,Extension,Country,Status,Reason',
      '3,1,(415) 555-0100,,,,,Duplicate: Already on this prospect',
      '4,1,415 555 0101,,,,,Duplicate: Also on row 2 of this file',
      `5,2,415 555 0102,,,,,Error: ${SAM_OWNS}`,
      '6,3,415 555 0103,,,,,Error: Prospect ID: No prospect has this ID',
      '7,1,12,,,,,Error: Number: This is too short for a US number',
      '8,1,415 555 0199,,,,,Refused by the server: This number is on the do-not-call register',
      '',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  it('shows the progress while numbers are written, and Cancel sends nothing more and says so', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { posted } = serveServer(() => released);
    const { user } = renderRoute(<PhoneNumberListPage />, {
      path: '/phone-numbers',
      url: '/phone-numbers?prospect=1',
    });
    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import phone numbers' });
    await user.upload(
      within(dialog).getByLabelText('Choose a CSV file'),
      new File([FILE], 'numbers.csv', { type: 'text/csv' }),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Import 2 numbers' }));

    expect(await within(dialog).findByText('Imported 0 of 2…')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(
      await within(dialog).findByText(
        'Imported 0 of 2… Stopping: the numbers already sent are being answered.',
      ),
    ).toBeInTheDocument();
    release();

    expect(await within(dialog).findByText('Added 1. 3 failed.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'The import was cancelled: 1 number was not sent.',
    );
    // The write under way when Cancel came was answered; the next was never sent.
    expect(posted).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Download report' }));
    expect((await downloads[0]!.blob.text()).split('\r\n')).toContain(
      '8,1,415 555 0199,,,,,Not sent: the import was cancelled',
    );
  });

  it('says which columns a file without a header lacks, and reads nothing', async () => {
    const { checks } = serveServer();
    const { user } = renderRoute(<PhoneNumberListPage />, {
      path: '/phone-numbers',
      url: '/phone-numbers?prospect=1',
    });
    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import phone numbers' });
    await user.upload(
      within(dialog).getByLabelText('Choose a CSV file'),
      new File(['1,415 555 0101\r\n'], 'no-header.csv', { type: 'text/csv' }),
    );
    expect(
      await within(dialog).findByText(/^The file has no Prospect ID and Number column/),
    ).toBeInTheDocument();
    expect(checks).toEqual([]);
  });

  it('is refused with the reason where the user may add no numbers', async () => {
    const { user } = renderWithProviders(
      <ImportPhoneNumbersButton refusal="Viewers can't import" />,
    );
    const button = screen.getByRole('button', { name: 'Import CSV' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription("Viewers can't import");
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
